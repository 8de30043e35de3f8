import Foundation

/// How `status.observedGeneration` is written: `argoproj.io`'s CRD schema types it as a string, Turnout's as an integer.
public enum ObservedGenerationFormat: Sendable, Hashable {
    /// `observedGeneration: 3` (Turnout's schema, the REST API).
    case integer
    /// `observedGeneration: "3"` (Argo Rollouts' schema).
    case string
}

extension CodingUserInfoKey {
    /// Set to an `ObservedGenerationFormat` to choose how `RolloutStatus.observedGeneration` is written.
    public static let observedGenerationFormat = CodingUserInfoKey(rawValue: "turnout.dev/observedGenerationFormat")!
}

extension APIGroup {
    /// How this group's schema types `status.observedGeneration`.
    public var observedGenerationFormat: ObservedGenerationFormat {
        switch self {
        case .turnout: return .integer
        case .argo: return .string
        }
    }
}

extension RolloutStatus: Codable {
    private enum CodingKeys: String, CodingKey {
        case phase, message, observedGeneration, currentPodHash, stableRS, currentStepIndex, pauseConditions
        case controllerPause, abort, abortedAt, abortReason, retries, promoteFull, restartedAt, replicas
        case updatedReplicas, readyReplicas, availableReplicas, conditions, canary, blueGreen, selector
        case hpaReplicas = "HPAReplicas"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        phase = try container.decodeIfPresent(RolloutPhase.self, forKey: .phase)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        observedGeneration = try Self.decodeGeneration(from: container)
        currentPodHash = try container.decodeIfPresent(String.self, forKey: .currentPodHash)
        stableRS = try container.decodeIfPresent(String.self, forKey: .stableRS)
        currentStepIndex = try container.decodeIfPresent(Int.self, forKey: .currentStepIndex)
        pauseConditions = try container.decodeIfPresent([PauseCondition].self, forKey: .pauseConditions)
        controllerPause = try container.decodeIfPresent(Bool.self, forKey: .controllerPause)
        abort = try container.decodeIfPresent(Bool.self, forKey: .abort)
        abortedAt = try container.decodeIfPresent(Instant.self, forKey: .abortedAt)
        abortReason = try container.decodeIfPresent(String.self, forKey: .abortReason)
        retries = try container.decodeIfPresent(Int.self, forKey: .retries)
        promoteFull = try container.decodeIfPresent(Bool.self, forKey: .promoteFull)
        restartedAt = try container.decodeIfPresent(String.self, forKey: .restartedAt)
        replicas = try container.decodeIfPresent(Int.self, forKey: .replicas)
        updatedReplicas = try container.decodeIfPresent(Int.self, forKey: .updatedReplicas)
        readyReplicas = try container.decodeIfPresent(Int.self, forKey: .readyReplicas)
        availableReplicas = try container.decodeIfPresent(Int.self, forKey: .availableReplicas)
        conditions = try container.decodeIfPresent([RolloutCondition].self, forKey: .conditions)
        canary = try container.decodeIfPresent(CanaryStatus.self, forKey: .canary)
        blueGreen = try container.decodeIfPresent(BlueGreenStatus.self, forKey: .blueGreen)
        selector = try container.decodeIfPresent(String.self, forKey: .selector)
        hpaReplicas = try container.decodeIfPresent(Int.self, forKey: .hpaReplicas)
    }

    /// `observedGeneration` written as `3` or `"3"`; any other text is an error naming the field.
    private static func decodeGeneration(from container: KeyedDecodingContainer<CodingKeys>) throws -> Int? {
        if let number = try? container.decodeIfPresent(Int.self, forKey: .observedGeneration) {
            return number
        }
        guard let text = try container.decodeIfPresent(String.self, forKey: .observedGeneration) else { return nil }
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw DecodingError.dataCorruptedError(
                forKey: .observedGeneration, in: container,
                debugDescription: "observedGeneration must be a whole number, got \"\(text)\"")
        }
        return number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(phase, forKey: .phase)
        try container.encodeIfPresent(message, forKey: .message)
        if let observedGeneration {
            switch encoder.userInfo[.observedGenerationFormat] as? ObservedGenerationFormat ?? .integer {
            case .integer: try container.encode(observedGeneration, forKey: .observedGeneration)
            case .string: try container.encode(String(observedGeneration), forKey: .observedGeneration)
            }
        }
        try container.encodeIfPresent(currentPodHash, forKey: .currentPodHash)
        try container.encodeIfPresent(stableRS, forKey: .stableRS)
        try container.encodeIfPresent(currentStepIndex, forKey: .currentStepIndex)
        try container.encodeIfPresent(pauseConditions, forKey: .pauseConditions)
        try container.encodeIfPresent(controllerPause, forKey: .controllerPause)
        try container.encodeIfPresent(abort, forKey: .abort)
        try container.encodeIfPresent(abortedAt, forKey: .abortedAt)
        try container.encodeIfPresent(abortReason, forKey: .abortReason)
        try container.encodeIfPresent(retries, forKey: .retries)
        try container.encodeIfPresent(promoteFull, forKey: .promoteFull)
        try container.encodeIfPresent(restartedAt, forKey: .restartedAt)
        try container.encodeIfPresent(replicas, forKey: .replicas)
        try container.encodeIfPresent(updatedReplicas, forKey: .updatedReplicas)
        try container.encodeIfPresent(readyReplicas, forKey: .readyReplicas)
        try container.encodeIfPresent(availableReplicas, forKey: .availableReplicas)
        try container.encodeIfPresent(conditions, forKey: .conditions)
        try container.encodeIfPresent(canary, forKey: .canary)
        try container.encodeIfPresent(blueGreen, forKey: .blueGreen)
        try container.encodeIfPresent(selector, forKey: .selector)
        try container.encodeIfPresent(hpaReplicas, forKey: .hpaReplicas)
    }
}
