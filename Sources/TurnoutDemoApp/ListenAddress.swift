/// A host and TCP port the demo app listens on.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host to bind: an IPv4 or IPv6 literal (without brackets) or a host name.
    public var host: String
    /// The TCP port; 0 asks the system for a free one.
    public var port: Int

    /// The loopback host used when none is given.
    public static let defaultHost = "127.0.0.1"
    /// The port used when neither `--listen` nor `PORT` gives one.
    public static let defaultPort = 8080

    /// Creates an address from its parts.
    public init(host: String = ListenAddress.defaultHost, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with brackets around an IPv6 host.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Whether only this machine can reach the address (127.0.0.0/8, `::1`, `localhost`).
    public var isLoopback: Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "0:0:0:0:0:0:0:1" { return true }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// Parses `HOST:PORT`, `[V6]:PORT`, `:PORT` or `PORT` (the last two on 127.0.0.1).
    public static func parse(_ text: String, source: String = "--listen") throws(DemoAppError) -> ListenAddress {
        func fail(_ reason: String) -> DemoAppError { .invalidAddress(source: source, text: text, reason: reason) }
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw fail("has no closing ] after the IPv6 host") }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw fail("needs :PORT after the IPv6 host") }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            guard text.firstIndex(of: ":") == colon else { throw fail("has an IPv6 host without [brackets]") }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = ""
            portText = text[...]
        }
        let port = try parsePort(portText, failure: fail("has no valid port (0-65535)"))
        return ListenAddress(host: host.isEmpty ? defaultHost : String(host), port: port)
    }

    /// The address to listen on: `--listen` if given, else `127.0.0.1:$PORT` if `PORT` is set, else 127.0.0.1:8080.
    public static func resolve(listen: String?, environment: [String: String]) throws(DemoAppError) -> ListenAddress {
        if let listen { return try parse(listen) }
        if let portText = environment["PORT"], !portText.isEmpty {
            let port = try parsePort(
                portText[...],
                failure: .invalidAddress(source: "PORT", text: portText, reason: "is not a port number (0-65535)")
            )
            return ListenAddress(port: port)
        }
        return ListenAddress(port: defaultPort)
    }

    private static func parsePort(_ text: Substring, failure: DemoAppError) throws(DemoAppError) -> Int {
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let port = Int(text), (0...65_535).contains(port) else {
            throw failure
        }
        return port
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
