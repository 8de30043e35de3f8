import Foundation
import Testing
@testable import TurnoutProxy

@Suite struct RouteTableTests {
    private func table(_ split: SplitRoute, name: String = "web", prefix: String = "/") -> RouteTable {
        RouteTable(routes: [Route(name: name, pathPrefix: prefix, split: split)])
    }

    private let stable = UpstreamPool(revision: "v1", upstreams: [UpstreamAddress(host: "127.0.0.1", port: 9001)])
    private let canary = UpstreamPool(revision: "v2", upstreams: [UpstreamAddress(host: "127.0.0.1", port: 9002)])

    @Test func validTableHasNoProblems() {
        #expect(table(SplitRoute(stable: stable, canary: canary, canaryWeight: 10)).problems().isEmpty)
    }

    @Test(arguments: [
        (SplitRoute(stable: UpstreamPool(revision: "v1", upstreams: []), canaryWeight: 10), "needs a canary pool"),
        (SplitRoute(stable: UpstreamPool(revision: "v1", upstreams: []), canary: UpstreamPool(revision: "v2", upstreams: []), canaryWeight: 101), "canaryWeight: must be within 0...100"),
        (SplitRoute(stable: UpstreamPool(revision: "v1", upstreams: []), canary: UpstreamPool(revision: "v2", upstreams: []), canaryWeight: 0, maxWeight: 0), "maxWeight"),
        (SplitRoute(stable: UpstreamPool(revision: "", upstreams: [])), "revision: must not be empty"),
        (SplitRoute(stable: UpstreamPool(revision: "v1", upstreams: []), canary: UpstreamPool(revision: "v2", upstreams: []),
                    headerRoutes: [HeaderRoute(name: "h", headers: [HeaderCondition(header: "X", match: .regex("("))])]), "regex does not compile"),
        (SplitRoute(stable: UpstreamPool(revision: "v1", upstreams: []), headerRoutes: [HeaderRoute(name: "h", headers: [])]), "need a canary pool"),
        (SplitRoute(stable: UpstreamPool(revision: "v1", upstreams: [], healthCheck: HealthCheck(path: "health"))), "healthCheck.path"),
    ])
    func invalidSplitsAreNamed(split: SplitRoute, fragment: String) {
        let problems = table(split).problems()
        #expect(problems.contains { $0.contains(fragment) && $0.contains("route web") }, "\(problems)")
    }

    @Test func duplicateNamesAndBadPrefixesAreRejectedWithoutChangingAnything() {
        var table = table(SplitRoute(stable: stable))
        table.routes.append(Route(name: "web", pathPrefix: "api", split: SplitRoute(stable: stable)))
        #expect(throws: ProxyError.self) { try table.validate() }
        let problems = table.problems()
        #expect(problems.contains { $0.contains("used by another route") })
        #expect(problems.contains { $0.contains("pathPrefix: must start with '/'") })
    }

    @Test func roundTripsThroughJSON() throws {
        var split = SplitRoute(stable: stable, canary: canary, canaryWeight: 25)
        split.headerRoutes = [HeaderRoute(name: "beta", headers: [HeaderCondition(header: "X-Beta", match: .prefix("yes"))])]
        split.cookieRoutes = [CookieRoute(name: "c", cookie: "canary")]
        split.mirror = MirrorRoute(name: "m", percentage: 20, matches: [MirrorMatch(method: .exact("GET"))])
        split.sticky = .cookie("session")
        split.canary?.healthCheck = HealthCheck(path: "/healthz", interval: .milliseconds(500))
        let original = RouteTable(routes: [Route(name: "web", listener: "main", hosts: ["a.test"], pathPrefix: "/api", split: split)], drainTimeout: .seconds(7))
        let data = try JSONEncoder().encode(original)
        let decoded = try JSONDecoder().decode(RouteTable.self, from: data)
        #expect(decoded == original)
    }

    @Test func decodesTheShortFormWithDefaults() throws {
        let json = #"{"routes":[{"name":"web","split":{"stable":{"revision":"v1","upstreams":["127.0.0.1:9001"]},"canary":{"revision":"v2","upstreams":["127.0.0.1:9002"]},"canaryWeight":10}}]}"#
        let table = try JSONDecoder().decode(RouteTable.self, from: Data(json.utf8))
        #expect(table.routes[0].pathPrefix == "/")
        #expect(table.routes[0].split.maxWeight == 100)
        #expect(table.drainTimeout == .seconds(30))
        #expect(table.problems().isEmpty)
    }

    @Test func badAddressInJSONIsExplained() {
        let json = #"{"routes":[{"name":"web","split":{"stable":{"revision":"v1","upstreams":["nonsense"]}}}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RouteTable.self, from: Data(json.utf8)) }
    }
}
