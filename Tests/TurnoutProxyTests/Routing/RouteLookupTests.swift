import Testing
@testable import TurnoutProxy

@Suite struct RouteLookupTests {
    private let lookup = RouteLookup<String>([
        (hosts: [], pathPrefix: "/", payload: "default"),
        (hosts: [], pathPrefix: "/api", payload: "api"),
        (hosts: [], pathPrefix: "/api/v2/", payload: "api-v2"),
        (hosts: ["shop.example.com"], pathPrefix: "/", payload: "shop"),
        (hosts: ["shop.example.com"], pathPrefix: "/cart", payload: "shop-cart"),
        (hosts: ["*.example.com"], pathPrefix: "/", payload: "wildcard"),
        (hosts: ["*.eu.example.com"], pathPrefix: "/", payload: "eu-wildcard"),
        (hosts: ["tester.example.com"], pathPrefix: "/only", payload: "tester-only"),
    ])

    @Test(arguments: [
        (nil as String?, "/", "default"),
        (nil, "/api", "api"),
        (nil, "/api/users", "api"),
        (nil, "/apix", "default"),
        (nil, "/api/v2/x", "api-v2"),
        ("shop.example.com", "/", "shop"),
        ("shop.example.com", "/cart/1", "shop-cart"),
        ("shop.example.com", "/api", "shop"),
        ("blog.example.com", "/", "wildcard"),
        ("a.eu.example.com", "/", "eu-wildcard"),
        ("example.com", "/", "default"),
        ("tester.example.com", "/only/x", "tester-only"),
        ("tester.example.com", "/other", "wildcard"),
        ("unknown.org", "/api", "api"),
    ])
    func mostSpecificHostThenLongestPrefixWins(host: String?, path: String, expected: String) {
        #expect(lookup.find(host: host.map { $0[...] }, path: path[...]) == expected)
    }

    @Test func noCatchAllMeansNoRoute() {
        let lookup = RouteLookup<String>([(hosts: ["a.test"], pathPrefix: "/", payload: "a")])
        #expect(lookup.find(host: "b.test", path: "/") == nil)
        #expect(lookup.find(host: "a.test", path: "/x") == "a")
    }

    @Test(arguments: [
        ("/", "/anything", true), ("/api", "/api", true), ("/api", "/api/", true), ("/api", "/api?x", false),
        ("/api", "/apiv", false), ("/api/", "/api/x", true), ("/api/", "/api", false),
    ])
    func prefixesMatchBySegment(prefix: String, path: String, expected: Bool) {
        #expect(PathPrefix.matches(prefix, path: path[...]) == expected)
    }
}
