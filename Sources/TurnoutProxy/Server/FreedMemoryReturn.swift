#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Gives the memory of closed connections back to the operating system. glibc keeps freed buffers in its
/// per-thread arenas, so after a flood of connections closes the proxy's RSS would stay at its peak; once a
/// loop's clients are all gone after many closed (or after very many, busy or not), `malloc_trim` returns what
/// is free (looked up at run time: a libc without it, such as musl's, trims nothing). Confined to one event
/// loop, like the context that owns it.
struct FreedMemoryReturn {
    private typealias Trim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim`, if the C library has it.
    nonisolated(unsafe) private static let trim: Trim? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    /// Closes after which a loop with no clients left trims.
    static let closesBeforeIdleTrim = 64
    /// Closes after which a loop trims even with clients left.
    static let closesBeforeBusyTrim = 4096

    private var closedSinceTrim = 0

    /// Counts one closed client connection; `remaining` is how many the loop still has. Returns whether it trimmed.
    @discardableResult
    mutating func clientClosed(remaining: Int) -> Bool {
        closedSinceTrim += 1
        guard closedSinceTrim >= (remaining == 0 ? Self.closesBeforeIdleTrim : Self.closesBeforeBusyTrim) else { return false }
        closedSinceTrim = 0
        guard let trim = Self.trim else { return false }
        _ = trim(0)
        return true
    }
}
