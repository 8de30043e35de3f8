/// How a simulation runs.
public struct SimulationOptions: Sendable, Hashable {
    /// The image the update moves to; `nil` picks one (blue ↔ green, else the tag `next`).
    public var toImage: String?
    /// Seconds a new replica takes to become ready.
    public var podReadySeconds: Double
    /// The outcome of each analysis template by name (default successful).
    public var analysisOutcomes: [String: AnalysisOutcome]
    /// Promote this many seconds after a pause that waits for a person; `nil` ends the simulation there.
    public var promoteAfterSeconds: Double?
    /// The longest stretch of simulated time.
    public var maxSeconds: Double

    /// Creates options.
    public init(toImage: String? = nil, podReadySeconds: Double = 0, analysisOutcomes: [String: AnalysisOutcome] = [:], promoteAfterSeconds: Double? = nil, maxSeconds: Double = 86_400) {
        self.toImage = toImage
        self.podReadySeconds = podReadySeconds
        self.analysisOutcomes = analysisOutcomes
        self.promoteAfterSeconds = promoteAfterSeconds
        self.maxSeconds = maxSeconds
    }
}

/// Why a simulation cannot start.
public enum SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rollout has no template or container to update.
    case nothingToUpdate(rollout: String)
    /// The new image equals the current one.
    case sameImage(rollout: String, image: String)

    public var description: String {
        switch self {
        case .nothingToUpdate(let rollout):
            return "simulate rollout \(rollout): spec.template has no container with an image to update"
        case .sameImage(let rollout, let image):
            return "simulate rollout \(rollout): it already runs \(image); pass a different --to-image"
        }
    }
}
