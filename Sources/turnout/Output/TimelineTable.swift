import Foundation
import TurnoutSimulation

/// A simulated timeline as aligned columns.
struct TimelineTable {
    /// The rows.
    var entries: [TimelineEntry]
    /// Whether to call the new version's column PREVIEW instead of CANARY.
    var isBlueGreen: Bool
    /// The number of canary steps, shown as `done/total` in the STEP column.
    var stepCount: Int

    /// The table, one line per entry under a header.
    var rendered: String {
        let header = ["T", "STEP", "STABLE", isBlueGreen ? "PREVIEW" : "CANARY", "WEIGHT", "PHASE", "MESSAGE"]
        let rows = entries.map { entry in
            [
                Self.format(seconds: entry.t),
                entry.step.map { "\($0)/\(stepCount)" } ?? "-",
                "\(entry.stableReplicas)",
                "\(entry.canaryReplicas)",
                "\(entry.canaryWeight)%",
                entry.phase,
                entry.message,
            ]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Seconds as `45s`, `2m30s` or `1h0m5s`.
    static func format(seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let hours = total / 3600, minutes = total / 60 % 60, secs = total % 60
        if hours > 0 { return "\(hours)h\(minutes)m\(secs)s" }
        if minutes > 0 { return "\(minutes)m\(secs)s" }
        return "\(secs)s"
    }
}
