import NIOHTTP1

/// One route on one event loop and listener: its split state, its pools and its mirror.
final class LoopRoute {
    /// The route's name.
    let name: String
    /// Decides stable or canary; holds the weighted round-robin state.
    @exclusivity(unchecked) var selector: SplitSelector
    /// The stable pool.
    let stable: LoopPool
    /// The canary pool, if any.
    let canary: LoopPool?
    /// The mirror rule, if any.
    @exclusivity(unchecked) var mirror: MirrorRule?

    /// Creates a route.
    init(name: String, selector: SplitSelector, stable: LoopPool, canary: LoopPool?, mirror: MirrorRule?) {
        self.name = name
        self.selector = selector
        self.stable = stable
        self.canary = canary
        self.mirror = mirror
    }

    /// The pool for a side of the split.
    func pool(_ destination: SplitDestination) -> LoopPool? {
        switch destination {
        case .stable: return stable
        case .canary: return canary
        }
    }
}

/// Which requests a mirror route copies: conditions, then an exact percentage of the matching ones.
///
/// Pure apart from the sampler's counter.
struct MirrorRule {
    private struct CompiledMatch {
        let method: CompiledValueMatch?
        let path: CompiledValueMatch?
        let headers: [(name: String, match: CompiledValueMatch)]
    }

    private var sampler: PercentageSampler
    private let matches: [CompiledMatch]

    /// Compiles the route's conditions.
    init(_ route: MirrorRoute) throws {
        sampler = PercentageSampler(percentage: route.percentage)
        matches = try route.matches.map { match in
            CompiledMatch(
                method: try match.method.map(CompiledValueMatch.init),
                path: try match.path.map(CompiledValueMatch.init),
                headers: try match.headers.sorted { $0.key < $1.key }.map { ($0.key, try CompiledValueMatch($0.value)) }
            )
        }
    }

    /// Whether this request is copied (it matches, and the sampler picks it).
    mutating func shouldMirror(method: HTTPMethod, path: Substring, headers: HTTPHeaders) -> Bool {
        guard matches.isEmpty || matches.contains(where: { Self.matches($0, method: method, path: path, headers: headers) }) else {
            return false
        }
        return sampler.shouldSample()
    }

    private static func matches(_ match: CompiledMatch, method: HTTPMethod, path: Substring, headers: HTTPHeaders) -> Bool {
        if let condition = match.method, !condition.matches(method.rawValue) { return false }
        if let condition = match.path, !condition.matches(path) { return false }
        for (name, condition) in match.headers {
            guard let value = headers.first(name: name), condition.matches(value) else { return false }
        }
        return true
    }
}
