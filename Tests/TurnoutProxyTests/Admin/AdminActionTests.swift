import Testing
@testable import TurnoutProxy

@Suite struct AdminActionTests {
    @Test(arguments: [
        ("GET", "/routes", AdminAction.showRoutes),
        ("GET", "/routes?pretty", .showRoutes),
        ("PUT", "/routes", .replaceRoutes),
        ("DELETE", "/routes", .methodNotAllowed(allowed: "GET, PUT")),
        ("PUT", "/routes/default/weight", .setWeight(route: "default")),
        ("GET", "/routes/default/weight", .methodNotAllowed(allowed: "PUT")),
        ("GET", "/metrics", .showMetrics),
        ("POST", "/metrics", .methodNotAllowed(allowed: "GET")),
        ("GET", "/healthz", .health),
        ("GET", "/", .notFound),
        ("GET", "/routes/x", .notFound),
    ])
    func routesRequests(method: String, path: String, expected: AdminAction) {
        #expect(AdminAction(method: method, path: path) == expected)
    }

    @Test(arguments: [
        (nil as String?, nil as String?, true),
        ("Bearer secret", "secret", true),
        ("Bearer secret", nil, true),
        (nil, "secret", false),
        ("Bearer wrong", "secret", false),
        ("Bearer secretx", "secret", false),
        ("Basic secret", "secret", false),
        ("bearer secret", "secret", false),
    ])
    func checksTheBearerToken(header: String?, token: String?, expected: Bool) {
        #expect(AdminAuthorization.isAuthorized(header: header, token: token) == expected)
    }

    @Test(arguments: [("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true), ("0.0.0.0", false), ("10.0.0.1", false), ("::", false)])
    func recognisesLoopback(host: String, expected: Bool) {
        #expect(AdminAuthorization.isLoopback(host) == expected)
    }
}
