import TurnoutCore

/// A status as a symbol, a word and a colour: `✔ Healthy`, `॥ Paused`, `✖ Degraded`.
public struct StatusBadge: Sendable, Hashable {
    /// The symbol.
    public var symbol: String
    /// The word.
    public var text: String
    /// The colour in a terminal.
    public var color: TerminalStyle.Color?

    /// Creates a badge.
    public init(symbol: String, text: String, color: TerminalStyle.Color?) {
        self.symbol = symbol
        self.text = text
        self.color = color
    }

    /// `symbol text`, uncoloured.
    public var plain: String { symbol.isEmpty ? text : "\(symbol) \(text)" }

    /// A rollout phase's badge; `nil` means not yet reconciled.
    public static func rollout(_ phase: RolloutPhase?) -> StatusBadge {
        guard let phase else { return StatusBadge(symbol: "◌", text: "Unknown", color: .yellow) }
        switch phase {
        case .healthy: return StatusBadge(symbol: "✔", text: "Healthy", color: .green)
        case .progressing: return StatusBadge(symbol: "◌", text: "Progressing", color: .yellow)
        case .paused: return StatusBadge(symbol: "॥", text: "Paused", color: .yellow)
        case .degraded: return StatusBadge(symbol: "✖", text: "Degraded", color: .red)
        }
    }

    /// A rollout phase's badge from its text (as summaries carry it).
    public static func rollout(phase text: String) -> StatusBadge {
        rollout(RolloutPhase(rawValue: text))
    }

    /// An analysis phase's badge.
    public static func analysis(_ phase: AnalysisPhase) -> StatusBadge {
        switch phase {
        case .pending: return StatusBadge(symbol: "◌", text: "Pending", color: .yellow)
        case .running: return StatusBadge(symbol: "◌", text: "Running", color: .yellow)
        case .successful: return StatusBadge(symbol: "✔", text: "Successful", color: .green)
        case .failed: return StatusBadge(symbol: "✖", text: "Failed", color: .red)
        case .error: return StatusBadge(symbol: "⚠", text: "Error", color: .red)
        case .inconclusive: return StatusBadge(symbol: "⚠", text: "Inconclusive", color: .yellow)
        }
    }
}
