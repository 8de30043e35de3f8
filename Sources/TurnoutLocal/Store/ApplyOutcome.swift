/// The outcome of applying one object: which object, what happened, and its generation afterwards.
public struct ApplyOutcome: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The object's kind, e.g. `Rollout` or `Service`.
    public var kind: String
    /// The object's name.
    public var name: String
    /// Created, configured or unchanged.
    public var result: ApplyResult
    /// `metadata.generation` after the apply: 1 when created, bumped when the spec changed.
    public var generation: Int

    /// Creates an outcome.
    public init(kind: String, name: String, result: ApplyResult, generation: Int) {
        self.kind = kind
        self.name = name
        self.result = result
        self.generation = generation
    }

    /// `kind/name`, as in messages.
    public var reference: String { "\(kind)/\(name)" }

    /// `Rollout/web configured`, as `kubectl apply` prints it.
    public var description: String { "\(reference) \(result.rawValue)" }
}
