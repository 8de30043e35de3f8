import TurnoutCore
import TurnoutService

/// `turnout get analysisrun NAME`: the run, each metric with its counts, and every kept measurement.
public struct AnalysisRunRenderer: Sendable {
    /// Colours or plain text.
    public var style: TerminalStyle

    /// Creates a renderer.
    public init(style: TerminalStyle) {
        self.style = style
    }

    /// The whole run.
    public func render(_ view: AnalysisRunView) -> String {
        let status = view.run.status
        let badge = StatusBadge.analysis(status?.phase ?? .pending)
        var lines = [
            "Name:       \(view.name)",
            "Role:       \(view.role)",
            "Status:     \(style.paint(badge.plain, badge.color))",
        ]
        if let message = status?.message, !message.isEmpty { lines.append("Message:    \(message)") }
        if let startedAt = status?.startedAt { lines.append("Started:    \(startedAt)") }
        if let args = view.run.spec.args, !args.isEmpty {
            lines.append("Args:       " + args.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: ", "))
        }
        let results = status?.metricResults ?? []
        let metricNames = view.run.spec.metrics.map(\.name)
        let names = metricNames + results.map(\.name).filter { !metricNames.contains($0) }
        for name in names {
            lines.append("")
            guard let result = results.first(where: { $0.name == name }) else {
                lines.append("Metric \(name): \(style.paint("◌ Pending", .yellow)), not measured yet")
                continue
            }
            lines.append(contentsOf: metric(result))
        }
        return lines.joined(separator: "\n")
    }

    private func metric(_ result: MetricResult) -> [String] {
        let badge = StatusBadge.analysis(result.phase)
        var header = "Metric \(result.name): \(style.paint(badge.plain, badge.color))"
        if result.dryRun ?? false { header += " (dry run)" }
        var lines = [header]
        if let message = result.message, !message.isEmpty { lines.append("  Message: \(message)") }
        lines.append(
            "  Count: \(result.count ?? 0)  Successful: \(result.successful ?? 0)  Failed: \(result.failed ?? 0)"
                + "  Inconclusive: \(result.inconclusive ?? 0)  Error: \(result.error ?? 0)"
                + "  Consecutive errors: \(result.consecutiveError ?? 0)"
        )
        let measurements = result.measurements ?? []
        guard !measurements.isEmpty else {
            lines.append("  No measurements kept.")
            return lines
        }
        var table = TextTable(header: ["TIME", "VALUE", "PHASE", "MESSAGE"])
        for measurement in measurements {
            let phase = StatusBadge.analysis(measurement.phase)
            table.rows.append([
                TextTable.Cell(measurement.finishedAt ?? measurement.startedAt ?? "-"),
                TextTable.Cell(measurement.value ?? "-"),
                TextTable.Cell(phase.plain, color: phase.color),
                TextTable.Cell(measurement.message ?? ""),
            ])
        }
        lines.append(contentsOf: table.rendered(style: style).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
        return lines
    }
}
