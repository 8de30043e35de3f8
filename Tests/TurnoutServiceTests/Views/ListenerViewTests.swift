import Foundation
import Testing
import TurnoutService

@Suite struct ListenerViewTests {
    @Test(arguments: [
        ("http://127.0.0.1:8080", "127.0.0.1:8080"),
        ("http://web.shop.svc.cluster.local:80/", "web.shop.svc.cluster.local:80"),
        ("https://shop.example.com/checkout?x=1", "shop.example.com"),
        ("127.0.0.1:9000", "127.0.0.1:9000"),
    ])
    func theAddressIsTheURLsAuthority(url: String, address: String) {
        #expect(ListenerView(name: "ingress", url: url).address == address)
    }

    @Test func aLoopbackAddressBecomesAnHTTPURL() {
        #expect(ListenerView(name: "service/web", address: "127.0.0.1:8080").url == "http://127.0.0.1:8080")
    }

    @Test func encodesNameURLAndTheAddressKey() throws {
        let data = try JSONEncoder().encode(ListenerView(name: "service/web", address: "127.0.0.1:8080"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(object == ["name": "service/web", "url": "http://127.0.0.1:8080", "address": "127.0.0.1:8080"])
    }

    @Test func anAnswerWithOnlyAnAddressIsReadAsHTTP() throws {
        let listener = try JSONDecoder().decode(ListenerView.self, from: Data(#"{"name":"ingress","address":"127.0.0.1:7000"}"#.utf8))
        #expect(listener == ListenerView(name: "ingress", url: "http://127.0.0.1:7000"))
    }

    @Test func theURLWinsOverTheAddress() throws {
        let json = #"{"name":"ingress","url":"https://shop.example.com","address":"ignored:1"}"#
        let listener = try JSONDecoder().decode(ListenerView.self, from: Data(json.utf8))
        #expect(listener.url == "https://shop.example.com")
        #expect(listener.address == "shop.example.com")
    }
}
