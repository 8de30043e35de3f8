/// What applying one object did, in `kubectl apply` words.
public enum ApplyResult: String, Sendable, Hashable, Codable, CaseIterable {
    /// The object did not exist and was stored.
    case created
    /// The object existed and was changed.
    case configured
    /// The object existed exactly as applied; nothing was written.
    case unchanged
}
