/// `spec.strategy.blueGreen`.
public struct BlueGreenStrategy: Sendable, Hashable, Codable {
    /// The Service that receives production traffic.
    public var activeService: String?
    /// The Service that points at the new revision before promotion.
    public var previewService: String?
    /// Replicas of the new revision before promotion (default: all).
    public var previewReplicaCount: Int?
    /// Promote without waiting for a person (default true).
    public var autoPromotionEnabled: Bool?
    /// Promote automatically this many seconds after the preview is ready.
    public var autoPromotionSeconds: Int?
    /// Replicas that may be unavailable while scaling, kept for compatibility.
    public var maxUnavailable: IntOrPercent?
    /// Seconds the old revision keeps running after the switch (default 30).
    public var scaleDownDelaySeconds: Int?
    /// How many old revisions may wait for their scale-down delay at once.
    public var scaleDownDelayRevisionLimit: Int?
    /// Seconds the new revision keeps running after an abort (default 30).
    public var abortScaleDownDelaySeconds: Int?
    /// Analysis run before the switch; failure aborts.
    public var prePromotionAnalysis: RolloutAnalysis?
    /// Analysis run after the switch; failure switches back.
    public var postPromotionAnalysis: RolloutAnalysis?
    /// Labels and annotations for preview replicas, kept as written.
    public var previewMetadata: JSONValue?
    /// Labels and annotations for active replicas, kept as written.
    public var activeMetadata: JSONValue?
    /// Anti-affinity between revisions, kept as written.
    public var antiAffinity: JSONValue?

    /// Creates a blue-green strategy.
    public init(activeService: String? = nil, previewService: String? = nil, autoPromotionEnabled: Bool? = nil) {
        self.activeService = activeService
        self.previewService = previewService
        self.autoPromotionEnabled = autoPromotionEnabled
    }

    /// Whether promotion happens without a person.
    public var isAutoPromotionEnabled: Bool { autoPromotionEnabled ?? true }
    /// Scale-down delay with the default applied.
    public var effectiveScaleDownDelaySeconds: Int { scaleDownDelaySeconds ?? 30 }
    /// Abort scale-down delay with the default applied.
    public var effectiveAbortScaleDownDelaySeconds: Int { abortScaleDownDelaySeconds ?? 30 }
}
