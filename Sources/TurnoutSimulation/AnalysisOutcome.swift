import TurnoutCore

/// The result every measurement of a template's metrics gives in a simulation.
public enum AnalysisOutcome: String, Sendable, Hashable, CaseIterable {
    /// Every measurement succeeds.
    case successful
    /// Every measurement fails.
    case failed
    /// Every measurement is inconclusive.
    case inconclusive

    /// The measurement phase this outcome gives.
    var measurementPhase: AnalysisPhase {
        switch self {
        case .successful: return .successful
        case .failed: return .failed
        case .inconclusive: return .inconclusive
        }
    }
}
