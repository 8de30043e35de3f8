import Testing
@testable import TurnoutProxy

@Suite struct UpstreamAddressTests {
    @Test(arguments: [
        ("127.0.0.1:8080", "127.0.0.1", 8080),
        ("localhost:1", "localhost", 1),
        ("[::1]:9000", "::1", 9000),
        (" web.internal:443 ", "web.internal", 443),
    ])
    func parses(text: String, host: String, port: Int) throws {
        let address = try #require(UpstreamAddress(parsing: text))
        #expect(address.host == host)
        #expect(address.port == port)
    }

    @Test(arguments: ["127.0.0.1", ":80", "host:0", "host:70000", "::1:80", "[::1]80", "host:abc", ""])
    func rejects(text: String) {
        #expect(UpstreamAddress(parsing: text) == nil)
    }

    @Test func describesIPv6WithBrackets() {
        #expect(UpstreamAddress(host: "::1", port: 80).description == "[::1]:80")
        #expect(UpstreamAddress(host: "a", port: 80).description == "a:80")
    }
}
