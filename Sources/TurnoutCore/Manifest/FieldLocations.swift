import Yams

/// Where each field of a document is written, looked up by field path (keys compared case-insensitively).
public struct FieldLocations: Sendable, Hashable {
    private var values: [String: SourceLocation] = [:]
    private var keys: [String: SourceLocation] = [:]
    /// Where the document starts.
    public let document: SourceLocation

    /// Indexes every field of a YAML node.
    public init(node: Node, file: String) {
        let start = node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            ?? SourceLocation(file: file, line: 1, column: 1)
        document = start
        index(node, path: "", file: file, depth: 0)
    }

    /// Where a field's value is written; falls back to the nearest written parent, then the document.
    public func value(_ path: String) -> SourceLocation {
        var current = path.lowercased()
        while !current.isEmpty {
            if let location = values[current] { return location }
            current = Self.parent(of: current)
        }
        return document
    }

    /// Where a field's key is written; falls back like `value`.
    public func key(_ path: String) -> SourceLocation {
        keys[path.lowercased()] ?? value(path)
    }

    /// Whether a field is written in the document.
    public func contains(_ path: String) -> Bool {
        values[path.lowercased()] != nil
    }

    private static func parent(of path: String) -> String {
        if path.hasSuffix("]"), let open = path.lastIndex(of: "[") { return String(path[..<open]) }
        if let dot = path.lastIndex(of: ".") { return String(path[..<dot]) }
        return ""
    }

    private mutating func index(_ node: Node, path: String, file: String, depth: Int) {
        guard depth < 200 else { return }
        if let mark = node.mark, !path.isEmpty {
            values[path] = SourceLocation(file: file, line: mark.line, column: mark.column)
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                let child = path.isEmpty ? name.lowercased() : "\(path).\(name.lowercased())"
                if let mark = key.mark { keys[child] = SourceLocation(file: file, line: mark.line, column: mark.column) }
                index(value, path: child, file: file, depth: depth + 1)
            }
        case .sequence(let sequence):
            for (offset, element) in sequence.enumerated() {
                index(element, path: "\(path)[\(offset)]", file: file, depth: depth + 1)
            }
        case .scalar, .alias:
            break
        }
    }
}
