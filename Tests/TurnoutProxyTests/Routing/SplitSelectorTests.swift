import NIOHTTP1
import Testing
@testable import TurnoutProxy

@Suite struct SplitSelectorTests {
    private func split(weight: Int, headerRoutes: [HeaderRoute] = [], cookieRoutes: [CookieRoute] = [], sticky: StickySession? = nil) -> SplitRoute {
        SplitRoute(
            stable: UpstreamPool(revision: "s", upstreams: []),
            canary: UpstreamPool(revision: "c", upstreams: []),
            canaryWeight: weight,
            headerRoutes: headerRoutes,
            cookieRoutes: cookieRoutes,
            sticky: sticky
        )
    }

    @Test(arguments: [
        ([("X-Canary", "always")], SplitDestination.canary),
        ([("x-canary", "always")], .canary),
        ([("X-Canary", "never")], .stable),
        ([("X-Other", "always")], .stable),
    ])
    func exactHeaderRouteSendsToCanaryBeforeTheWeight(headers: [(String, String)], expected: SplitDestination) throws {
        var selector = try SplitSelector(split(weight: 0, headerRoutes: [HeaderRoute(name: "h", headers: [HeaderCondition(header: "X-Canary", match: .exact("always"))])]))
        #expect(selector.select(HTTPHeaders(headers)).destination == expected)
    }

    @Test(arguments: [
        (ValueMatch.prefix("beta"), "beta-tester", true),
        (.prefix("beta"), "alpha", false),
        (.regex("(ios|android)-1[0-9]"), "ios-17", true),
        (.regex("(ios|android)-1[0-9]"), "ios-9", false),
    ])
    func prefixAndRegexHeaderRoutes(match: ValueMatch, value: String, toCanary: Bool) throws {
        var selector = try SplitSelector(split(weight: 0, headerRoutes: [HeaderRoute(name: "h", headers: [HeaderCondition(header: "X-Client", match: match)])]))
        let decision = selector.select(HTTPHeaders([("X-Client", value)]))
        #expect(decision.destination == (toCanary ? .canary : .stable))
        if toCanary { #expect(decision.reason == .headerRoute("h")) }
    }

    @Test func everyConditionOfAHeaderRouteMustHold() throws {
        let route = HeaderRoute(name: "both", headers: [
            HeaderCondition(header: "X-A", match: .exact("1")), HeaderCondition(header: "X-B", match: .exact("2")),
        ])
        var selector = try SplitSelector(split(weight: 0, headerRoutes: [route]))
        #expect(selector.select(HTTPHeaders([("X-A", "1")])).destination == .stable)
        #expect(selector.select(HTTPHeaders([("X-A", "1"), ("X-B", "2")])).destination == .canary)
    }

    @Test(arguments: [
        ("canary=always", SplitDestination.canary),
        ("session=1; canary=always", .canary),
        ("canary=never", .stable),
        ("", .stable),
    ])
    func cookieRoutes(cookie: String, expected: SplitDestination) throws {
        var selector = try SplitSelector(split(weight: 0, cookieRoutes: [CookieRoute(name: "c", cookie: "canary")]))
        let headers = cookie.isEmpty ? HTTPHeaders() : HTTPHeaders([("Cookie", cookie)])
        #expect(selector.select(headers).destination == expected)
    }

    @Test func stickyUsersStayOnTheirSideAndFollowTheHash() throws {
        var selector = try SplitSelector(split(weight: 30, sticky: .header("X-User")))
        for user in (0..<200).map({ "user-\($0)" }) {
            let headers = HTTPHeaders([("X-User", user)])
            let first = selector.select(headers)
            let second = selector.select(headers)
            #expect(first == second)
            #expect(first.reason == .sticky)
            #expect((first.destination == .canary) == (StickyHash.bucket(of: user[...], buckets: 100) < 30))
        }
    }

    @Test func stickyCookieWithoutValueFallsBackToTheWeight() throws {
        var selector = try SplitSelector(split(weight: 50, sticky: .cookie("session")))
        #expect(selector.select(HTTPHeaders()).reason == .weight)
        #expect(selector.select(HTTPHeaders([("Cookie", "session=abc")])).reason == .sticky)
    }

    @Test func withoutCanaryEverythingIsStable() throws {
        var selector = try SplitSelector(SplitRoute(stable: UpstreamPool(revision: "s", upstreams: []), canaryWeight: 0))
        for _ in 0..<10 { #expect(selector.select(HTTPHeaders()).destination == .stable) }
    }

    @Test func weightSplitUsesSmoothRoundRobinOnTheMaxWeightScale() throws {
        var route = split(weight: 1)
        route.maxWeight = 4
        var selector = try SplitSelector(route)
        let picks = (0..<8).map { _ in selector.select(HTTPHeaders()).destination }
        #expect(picks.filter { $0 == .canary }.count == 2)
    }
}
