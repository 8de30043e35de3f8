#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point on the monotonic clock that blocking calls must finish by.
struct Deadline: Sendable {
    /// Monotonic nanoseconds at the deadline.
    let nanoseconds: UInt64

    /// The deadline `seconds` from now.
    init(seconds: Double) {
        nanoseconds = Self.now() + UInt64(max(0, seconds) * 1_000_000_000)
    }

    /// Milliseconds left, rounded up; 0 once passed.
    var remainingMilliseconds: Int {
        let now = Self.now()
        return now >= nanoseconds ? 0 : Int((nanoseconds - now + 999_999) / 1_000_000)
    }

    /// Whether it has passed.
    var hasPassed: Bool { Self.now() >= nanoseconds }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
