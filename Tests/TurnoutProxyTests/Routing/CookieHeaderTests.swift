import NIOHTTP1
import Testing
@testable import TurnoutProxy

@Suite struct CookieHeaderTests {
    @Test(arguments: [
        ("canary=always", "canary", "always"),
        ("a=1; canary=always; b=2", "canary", "always"),
        ("a=1;canary=never", "canary", "never"),
        ("canary=\"quoted\"", "canary", "quoted"),
        ("xcanary=1; canary=2", "canary", "2"),
        ("canary=", "canary", ""),
    ])
    func findsTheNamedCookie(header: String, name: String, expected: String) {
        #expect(CookieHeader.value(named: name, inHeaderValue: header).map(String.init) == expected)
    }

    @Test(arguments: ["", "other=1", "canaryx=1", "canary"])
    func missingCookieIsNil(header: String) {
        #expect(CookieHeader.value(named: "canary", inHeaderValue: header) == nil)
    }

    @Test func readsEveryCookieHeader() {
        let headers = HTTPHeaders([("Cookie", "a=1"), ("cookie", "canary=yes")])
        #expect(CookieHeader.value(named: "canary", in: headers) == "yes")
    }
}
