/// FNV-1a, 64-bit: a stable hash for sticky sessions (the same value hashes alike in every process and release).
///
/// Swift's `Hasher` is seeded per process, so it cannot keep a user on the same side of a split across restarts.
public enum StickyHash {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The FNV-1a 64-bit hash of the UTF-8 bytes of `value`.
    public static func fnv1a(_ value: Substring) -> UInt64 {
        var hash = offsetBasis
        for byte in value.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The FNV-1a 64-bit hash of the UTF-8 bytes of `value`.
    public static func fnv1a(_ value: String) -> UInt64 {
        fnv1a(value[...])
    }

    /// The bucket, `0..<buckets`, that `value` falls into; a request goes to the canary when its bucket is below the canary weight.
    ///
    /// Buckets are monotonic in the weight: raising the canary weight only moves users from stable to canary, never back.
    public static func bucket(of value: Substring, buckets: Int) -> Int {
        precondition(buckets > 0, "buckets must be positive")
        return Int(fnv1a(value) % UInt64(buckets))
    }
}
