#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurnoutCore

/// Blocking TCP and HTTP/1.1 checks against a port on 127.0.0.1, each bounded by a timeout. Call them through
/// `BlockingCall`.
enum LoopbackConnection {
    /// Whether a TCP connection to `port` opens within `timeout` seconds.
    static func canConnect(port: Int, timeout: Double) -> Bool {
        guard let fd = connectSocket(port: port, deadline: Deadline(seconds: timeout)) else { return false }
        close(fd)
        return true
    }

    /// The status code of `GET path` on `port`, or `nil` when no response head arrives within `timeout` seconds.
    static func get(port: Int, path: String, headers: [HTTPHeader], timeout: Double) -> Int? {
        let deadline = Deadline(seconds: timeout)
        guard let fd = connectSocket(port: port, deadline: deadline) else { return nil }
        defer { close(fd) }
        var request = "GET \(path) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.name.lowercased() == "host" }) { request += "Host: 127.0.0.1:\(port)\r\n" }
        for header in headers { request += "\(header.name): \(header.value)\r\n" }
        request += "User-Agent: turnout-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n"
        guard sendAll(fd, Array(request.utf8), deadline: deadline) else { return nil }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while !received.contains(UInt8(ascii: "\n")), received.count < 8192 {
            guard wait(fd, for: Int16(POLLIN), deadline: deadline) else { return nil }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return statusCode(received)
    }

    /// The status code in an HTTP/1.x status line (`HTTP/1.1 200 OK`), or `nil`.
    static func statusCode(_ bytes: [UInt8]) -> Int? {
        let line = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3 else { return nil }
        return Int(parts[1])
    }

    /// A connected non-blocking socket to 127.0.0.1:`port`, or `nil` when it does not connect by `deadline`.
    private static func connectSocket(port: Int, deadline: Deadline) -> Int32? {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var address = LoopbackAddress.make(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddrPointer in
                connect(fd, sockaddrPointer, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result == 0 { return fd }
        guard errno == EINPROGRESS, wait(fd, for: Int16(POLLOUT), deadline: deadline) else {
            close(fd)
            return nil
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Sends all of `bytes` by `deadline`.
    private static func sendAll(_ fd: Int32, _ bytes: [UInt8], deadline: Deadline) -> Bool {
        var sent = 0
        while sent < bytes.count {
            guard wait(fd, for: Int16(POLLOUT), deadline: deadline) else { return false }
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Whether `fd` becomes ready for `events` before `deadline`.
    private static func wait(_ fd: Int32, for events: Int16, deadline: Deadline) -> Bool {
        while true {
            let remaining = deadline.remainingMilliseconds
            guard remaining > 0 else { return false }
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let result = poll(&descriptor, 1, Int32(remaining))
            if result < 0, errno == EINTR { continue }
            return result > 0 && descriptor.revents & (events | Int16(POLLERR) | Int16(POLLHUP)) != 0
        }
    }
}
