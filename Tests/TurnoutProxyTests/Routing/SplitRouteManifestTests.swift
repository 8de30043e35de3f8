import Testing
import TurnoutCore
@testable import TurnoutProxy

@Suite struct SplitRouteManifestTests {
    @Test func convertsHeaderRoutes() {
        let route = SetHeaderRoute(name: "beta", match: [
            HeaderRouteMatch(headerName: "X-Beta", headerValue: StringMatch(exact: "yes")),
            HeaderRouteMatch(headerName: "User-Agent", headerValue: StringMatch(regex: ".*Chrome.*")),
        ])
        #expect(HeaderRoute(route) == HeaderRoute(name: "beta", headers: [
            HeaderCondition(header: "X-Beta", match: .exact("yes")), HeaderCondition(header: "User-Agent", match: .regex(".*Chrome.*")),
        ]))
        #expect(HeaderRoute(SetHeaderRoute(name: "gone")) == nil)
    }

    @Test func convertsMirrorRoutes() {
        let route = SetMirrorRoute(name: "m", match: [MirrorRouteMatch(method: StringMatch(exact: "GET"), headers: ["X-A": StringMatch(prefix: "1")])], percentage: 30)
        #expect(MirrorRoute(route) == MirrorRoute(name: "m", percentage: 30, matches: [MirrorMatch(method: .exact("GET"), headers: ["X-A": .prefix("1")])]))
        #expect(MirrorRoute(SetMirrorRoute(name: "gone")) == nil)
        #expect(MirrorRoute(SetMirrorRoute(name: "all", match: []))?.percentage == 100)
    }
}
