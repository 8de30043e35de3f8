/// `spec.strategy.canary`.
public struct CanaryStrategy: Sendable, Hashable, Codable {
    /// The Service that selects only canary replicas.
    public var canaryService: String?
    /// The Service that selects only stable replicas.
    public var stableService: String?
    /// The steps, in order; none means a rolling update.
    public var steps: [CanaryStep]?
    /// How traffic is split; none means by replica ratio.
    public var trafficRouting: TrafficRouting?
    /// Replicas that may be unavailable while scaling (default 25%).
    public var maxUnavailable: IntOrPercent?
    /// Replicas that may exist above the desired count while scaling (default 25%).
    public var maxSurge: IntOrPercent?
    /// Background analysis run for the whole update.
    public var analysis: BackgroundAnalysis?
    /// Scale stable down as canary weight grows (traffic routing only).
    public var dynamicStableScale: Bool?
    /// Seconds the old stable keeps running after promotion (traffic routing only; default 30).
    public var scaleDownDelaySeconds: Int?
    /// How many old revisions may wait for their scale-down delay at once.
    public var scaleDownDelayRevisionLimit: Int?
    /// Seconds the canary keeps running after an abort (traffic routing only; default 30).
    public var abortScaleDownDelaySeconds: Int?
    /// Minimum replicas of a revision that has any (traffic routing only).
    public var minPodsPerReplicaSet: Int?
    /// Labels and annotations for canary replicas, kept as written.
    public var canaryMetadata: JSONValue?
    /// Labels and annotations for stable replicas, kept as written.
    public var stableMetadata: JSONValue?
    /// Anti-affinity between revisions, kept as written.
    public var antiAffinity: JSONValue?
    /// Ping-pong services, kept as written.
    public var pingPong: JSONValue?
    /// Percent of replicas that must be available to count a step as done, kept as written.
    public var replicaProgressThreshold: JSONValue?

    /// Creates a canary strategy.
    public init(steps: [CanaryStep]? = nil, trafficRouting: TrafficRouting? = nil) {
        self.steps = steps
        self.trafficRouting = trafficRouting
    }

    /// Max surge with the default applied.
    public var effectiveMaxSurge: IntOrPercent { maxSurge ?? .percent(25) }
    /// Max unavailable with the default applied.
    public var effectiveMaxUnavailable: IntOrPercent { maxUnavailable ?? .percent(25) }
    /// Scale-down delay with the default applied.
    public var effectiveScaleDownDelaySeconds: Int { scaleDownDelaySeconds ?? 30 }
    /// Abort scale-down delay with the default applied.
    public var effectiveAbortScaleDownDelaySeconds: Int { abortScaleDownDelaySeconds ?? 30 }
    /// The highest weight a step may set (default 100).
    public var maxTrafficWeight: Int { trafficRouting?.maxTrafficWeight ?? 100 }
}

/// `strategy.canary.analysis`: a run that lasts the whole update.
public struct BackgroundAnalysis: Sendable, Hashable, Codable {
    /// The analysis to run.
    public var analysis: RolloutAnalysis
    /// The step index at which the run starts (default 0).
    public var startingStep: Int?

    /// Creates background analysis.
    public init(analysis: RolloutAnalysis, startingStep: Int? = nil) {
        self.analysis = analysis
        self.startingStep = startingStep
    }

    private enum CodingKeys: String, CodingKey {
        case startingStep
    }

    public init(from decoder: any Decoder) throws {
        analysis = try RolloutAnalysis(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        startingStep = try container.decodeIfPresent(Int.self, forKey: .startingStep)
    }

    public func encode(to encoder: any Encoder) throws {
        try analysis.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(startingStep, forKey: .startingStep)
    }
}
