import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket bound to 127.0.0.1 and a port the kernel picked; listening when asked (the kernel then
/// completes connections nobody answers).
public struct LoopbackSocket: Sendable {
    /// The file descriptor.
    public let descriptor: Int32
    /// The port it is bound to.
    public let port: Int

    /// Binds a socket to a free loopback port, listening with a backlog of 16 when `listening`.
    public static func bind(listening: Bool) throws -> LoopbackSocket {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                Glibc.bind(descriptor, socketAddress, length) == 0 && (!listening || listen(descriptor, 16) == 0)
                    && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE
            Glibc.close(descriptor)
            throw POSIXError(code)
        }
        return LoopbackSocket(descriptor: descriptor, port: Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Closes it.
    public func close() { _ = Glibc.close(descriptor) }
}

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, read back, released): for programs
/// that cannot report the port they bound.
public func freeLoopbackPort() throws -> Int {
    let socket = try LoopbackSocket.bind(listening: false)
    socket.close()
    return socket.port
}
