import Yams

/// Counts the nodes of a tree with aliases expanded, without recursion and without
/// counting past a limit, so a "billion laughs" document costs at most `limit` steps.
enum NodeCount {
    /// Whether `root`, with every alias expanded, has at most `limit` nodes.
    static func expanded(_ root: Node, isAtMost limit: Int) -> Bool {
        var stack = [root]
        var count = 0
        while let node = stack.popLast() {
            count += 1
            if count > limit { return false }
            switch node {
            case .mapping(let mapping):
                for pair in mapping {
                    stack.append(pair.key)
                    stack.append(pair.value)
                }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
        return true
    }
}
