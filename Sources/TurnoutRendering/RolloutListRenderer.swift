import TurnoutService

/// `turnout list`: one row per rollout.
public struct RolloutListRenderer: Sendable {
    /// Colours or plain text.
    public var style: TerminalStyle

    /// Creates a renderer.
    public init(style: TerminalStyle) {
        self.style = style
    }

    /// The table, or a sentence when there are no rollouts.
    public func render(_ summaries: [RolloutSummary]) -> String {
        guard !summaries.isEmpty else { return "No rollouts; create one with `turnout apply -f rollout.yaml`." }
        var table = TextTable(header: ["NAME", "STRATEGY", "STATUS", "STEP", "SET-WEIGHT", "READY", "MESSAGE"])
        for summary in summaries {
            let badge = StatusBadge.rollout(phase: summary.phase)
            let hasWeight = summary.strategy == "canary"
            let step = zip(summary.step, summary.stepCount).map { "\($0)/\($1)" } ?? "-"
            table.rows.append([
                TextTable.Cell(summary.name),
                TextTable.Cell(summary.strategy.prefix(1).uppercased() + summary.strategy.dropFirst()),
                TextTable.Cell("\(badge.symbol) \(summary.phase)", color: badge.color),
                TextTable.Cell(step),
                TextTable.Cell(hasWeight ? "\(summary.canaryWeight)" : "-"),
                TextTable.Cell("\(summary.available)/\(summary.replicas)"),
                TextTable.Cell(summary.message),
            ])
        }
        return table.rendered(style: style)
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
