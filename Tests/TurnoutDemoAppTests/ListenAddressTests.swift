import Testing
import TurnoutDemoApp

struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:8080", ListenAddress(host: "127.0.0.1", port: 8080)),
        ("0.0.0.0:80", ListenAddress(host: "0.0.0.0", port: 80)),
        ("localhost:0", ListenAddress(host: "localhost", port: 0)),
        ("[::1]:9000", ListenAddress(host: "::1", port: 9000)),
        (":9090", ListenAddress(host: "127.0.0.1", port: 9090)),
        ("9090", ListenAddress(host: "127.0.0.1", port: 9090)),
    ])
    func parsesListenAddresses(text: String, expected: ListenAddress) throws {
        #expect(try ListenAddress.parse(text) == expected)
    }

    @Test(arguments: ["", "127.0.0.1", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:65536", "::1:80", "[::1]80", "[::1:80", "1:-1"])
    func rejectsMalformedAddresses(text: String) {
        #expect(throws: DemoAppError.self) { try ListenAddress.parse(text) }
    }

    @Test(arguments: [
        (nil, [:], ListenAddress(host: "127.0.0.1", port: 8080)),
        (nil, ["PORT": "41234"], ListenAddress(host: "127.0.0.1", port: 41234)),
        (nil, ["PORT": "0"], ListenAddress(host: "127.0.0.1", port: 0)),
        (nil, ["PORT": ""], ListenAddress(host: "127.0.0.1", port: 8080)),
        ("0.0.0.0:7000", ["PORT": "41234"], ListenAddress(host: "0.0.0.0", port: 7000)),
    ] as [(String?, [String: String], ListenAddress)])
    func resolvesListenThenPortThenDefault(listen: String?, environment: [String: String], expected: ListenAddress) throws {
        #expect(try ListenAddress.resolve(listen: listen, environment: environment) == expected)
    }

    @Test(arguments: ["abc", "-1", "70000", " 80"])
    func rejectsAMalformedPortVariable(port: String) {
        let expected = DemoAppError.invalidAddress(source: "PORT", text: port, reason: "is not a port number (0-65535)")
        #expect(throws: expected) { try ListenAddress.resolve(listen: nil, environment: ["PORT": port]) }
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true),
        ("0.0.0.0", false), ("::", false), ("10.0.0.5", false), ("example.com", false), ("127.0.0", false),
    ])
    func knowsLoopbackHosts(host: String, isLoopback: Bool) {
        #expect(ListenAddress(host: host, port: 80).isLoopback == isLoopback)
    }

    @Test func describesIPv6WithBrackets() {
        #expect(ListenAddress(host: "::1", port: 80).description == "[::1]:80")
        #expect(ListenAddress(host: "127.0.0.1", port: 80).description == "127.0.0.1:80")
    }
}
