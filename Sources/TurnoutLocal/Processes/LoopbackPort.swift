#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Free TCP ports on 127.0.0.1, found by binding port 0 and reading what the kernel chose.
enum LoopbackPort {
    /// A port that was free a moment ago and is not in `excluded`.
    static func free(excluding excluded: Set<Int> = []) throws(ProcessSupervisorError) -> Int {
        for _ in 0..<32 {
            let port = try bindSocket(0)
            if !excluded.contains(port) { return port }
        }
        throw .portUnavailable(reason: "the kernel kept offering ports already given to replicas")
    }

    /// Whether `port` can be bound on 127.0.0.1 now.
    static func isFree(_ port: Int) -> Bool {
        (try? bindSocket(port)) != nil
    }

    /// Binds `port` (0 for any) on 127.0.0.1, closes the socket, and returns the bound port.
    private static func bindSocket(_ port: Int) throws(ProcessSupervisorError) -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw .portUnavailable(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var address = LoopbackAddress.make(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw .portUnavailable(reason: "bind 127.0.0.1:\(port): \(String(cString: strerror(errno)))") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw .portUnavailable(reason: String(cString: strerror(errno))) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
