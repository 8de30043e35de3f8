/// How one route divides traffic between a stable and a canary pool.
///
/// Order of evaluation: header routes, then cookie routes (both send to the canary), then the sticky hash,
/// then the smooth weighted round-robin of `canaryWeight` out of `maxWeight`.
public struct SplitRoute: Sendable, Hashable {
    /// The pool receiving everything not sent to the canary.
    public var stable: UpstreamPool
    /// The canary pool; `nil` sends everything to `stable`.
    public var canary: UpstreamPool?
    /// The canary's share, `0...maxWeight`.
    public var canaryWeight: Int
    /// The scale of `canaryWeight` (100 means percent).
    public var maxWeight: Int
    /// Header routes to the canary, evaluated in order before the weight.
    public var headerRoutes: [HeaderRoute]
    /// Cookie routes to the canary, evaluated after header routes.
    public var cookieRoutes: [CookieRoute]
    /// Copies matching requests to the canary.
    public var mirror: MirrorRoute?
    /// Keeps users on one side of the split.
    public var sticky: StickySession?

    /// Creates a split.
    public init(
        stable: UpstreamPool,
        canary: UpstreamPool? = nil,
        canaryWeight: Int = 0,
        maxWeight: Int = 100,
        headerRoutes: [HeaderRoute] = [],
        cookieRoutes: [CookieRoute] = [],
        mirror: MirrorRoute? = nil,
        sticky: StickySession? = nil
    ) {
        self.stable = stable
        self.canary = canary
        self.canaryWeight = canaryWeight
        self.maxWeight = maxWeight
        self.headerRoutes = headerRoutes
        self.cookieRoutes = cookieRoutes
        self.mirror = mirror
        self.sticky = sticky
    }
}

extension SplitRoute: Codable {
    private enum CodingKeys: String, CodingKey {
        case stable, canary, canaryWeight, maxWeight, headerRoutes, cookieRoutes, mirror, sticky
    }

    /// Decodes a split; lists and weights may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            stable: try container.decode(UpstreamPool.self, forKey: .stable),
            canary: try container.decodeIfPresent(UpstreamPool.self, forKey: .canary),
            canaryWeight: try container.decodeIfPresent(Int.self, forKey: .canaryWeight) ?? 0,
            maxWeight: try container.decodeIfPresent(Int.self, forKey: .maxWeight) ?? 100,
            headerRoutes: try container.decodeIfPresent([HeaderRoute].self, forKey: .headerRoutes) ?? [],
            cookieRoutes: try container.decodeIfPresent([CookieRoute].self, forKey: .cookieRoutes) ?? [],
            mirror: try container.decodeIfPresent(MirrorRoute.self, forKey: .mirror),
            sticky: try container.decodeIfPresent(StickySession.self, forKey: .sticky)
        )
    }
}
