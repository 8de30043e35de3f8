import Testing
@testable import TurnoutProxy

@Suite struct StandaloneRoutesTests {
    @Test(arguments: [
        ("127.0.0.1:9001=90", ["127.0.0.1:9001"], 90),
        ("127.0.0.1:9001", ["127.0.0.1:9001"], 1),
        ("127.0.0.1:9001,127.0.0.1:9003=10", ["127.0.0.1:9001", "127.0.0.1:9003"], 10),
        ("[::1]:80=0", ["[::1]:80"], 0),
    ])
    func parsesBackends(text: String, addresses: [String], weight: Int) throws {
        let backend = try BackendArgument(parsing: text)
        #expect(backend.upstreams.map(\.description) == addresses)
        #expect(backend.weight == weight)
    }

    @Test(arguments: ["127.0.0.1:9001=-1", "127.0.0.1:9001=x", "nohost=5", "=5", "127.0.0.1=5"])
    func rejectsBadBackends(text: String) {
        #expect(throws: ProxyError.self) { try BackendArgument(parsing: text) }
    }

    @Test func twoBackendsMakeAnExactSplit() throws {
        let table = try StandaloneRoutes.table(backends: [
            BackendArgument(parsing: "127.0.0.1:9001=90"), BackendArgument(parsing: "127.0.0.1:9002=10"),
        ], headerRoutes: [HeaderRouteArgument(parsing: "X-Canary:always=127.0.0.1:9002")])
        let split = table.routes[0].split
        #expect(split.canaryWeight == 10)
        #expect(split.maxWeight == 100)
        #expect(split.canary?.upstreams.map(\.port) == [9002])
        #expect(split.headerRoutes == [HeaderRoute(name: "header-1", headers: [HeaderCondition(header: "X-Canary", match: .exact("always"))])])
    }

    @Test func weightsNeedNotAddUpToOneHundred() throws {
        let table = try StandaloneRoutes.table(backends: [BackendArgument(parsing: "127.0.0.1:1=3"), BackendArgument(parsing: "127.0.0.1:2=1")])
        #expect(table.routes[0].split.canaryWeight == 1)
        #expect(table.routes[0].split.maxWeight == 4)
    }

    @Test func headerRoutesMustNameTheCanary() throws {
        let backends = [try BackendArgument(parsing: "127.0.0.1:1=50"), try BackendArgument(parsing: "127.0.0.1:2=50")]
        #expect(throws: ProxyError.self) {
            try StandaloneRoutes.table(backends: backends, headerRoutes: [HeaderRouteArgument(parsing: "X-A:1=127.0.0.1:1")])
        }
        #expect(try StandaloneRoutes.table(backends: backends, headerRoutes: [HeaderRouteArgument(parsing: "X-A:1=canary")]).routes[0].split.headerRoutes.count == 1)
    }

    @Test(arguments: ["nocolon=canary", ":v=canary", "X-A:v="])
    func rejectsBadHeaderRoutes(text: String) {
        #expect(throws: ProxyError.self) { try HeaderRouteArgument(parsing: text) }
    }

    @Test func optionsReportTheirProblems() {
        var options = StandaloneOptions()
        #expect(options.problem()?.contains("name a backend") == true)
        options.backends = ["127.0.0.1:9001"]
        #expect(options.problem() == nil)
        options.listen = "nonsense"
        #expect(options.problem()?.contains("parse listen address 'nonsense'") == true)
        options.listen = ":8080"
        options.logLevel = "loud"
        #expect(options.problem()?.contains("--log-level") == true)
    }

    @Test(arguments: [("127.0.0.1:8080", "127.0.0.1", 8080), (":9000", "127.0.0.1", 9000), ("0", "127.0.0.1", 0), ("0.0.0.0:80", "0.0.0.0", 80), ("[::1]:81", "::1", 81)])
    func parsesListenAddresses(text: String, host: String, port: Int) throws {
        let listener = try #require(ListenerConfiguration(name: "main", parsing: text))
        #expect(listener.host == host)
        #expect(listener.port == port)
    }
}
