import NIOCore
import NIOHTTP1
import Synchronization
import Testing
@testable import TurnoutProxy

/// Loopback tests: atomic table swaps, draining, health checks, and weight changes under load.
@Suite struct ProxyServerReconfigurationTests {
    @Test func aSlowRequestFinishesAfterItsUpstreamIsRemoved() async throws {
        let old = try await TestUpstream.start(name: "old")
        let new = try await TestUpstream.start(name: "new")
        try await ProxyFixture.with(table: .split(stable: [old])) { proxy in
            let slowClient = try await TestHTTPConnection.connect(port: proxy.port)
            async let slow = slowClient.request(.GET, "/slow/400")
            await eventually("the slow request reaches the old upstream") { old.paths.contains("/slow/400") }
            try await proxy.server.install(.split(stable: [new]))
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            for _ in 0..<5 { #expect(try await connection.request(.GET, "/").text == "new") }
            let response = try await slow
            #expect(response.status == .ok)
            #expect(response.text == "old")
            #expect(old.requests == 1)
            // The finished request's connection is not kept for the removed upstream.
            #expect(try await slowClient.request(.GET, "/").text == "new")
        }
    }

    @Test func inFlightRequestsPastTheDrainTimeoutAreCut() async throws {
        let old = try await TestUpstream.start(name: "old")
        let new = try await TestUpstream.start(name: "new")
        try await ProxyFixture.with(table: .split(stable: [old])) { proxy in
            let client = try await TestHTTPConnection.connect(port: proxy.port)
            async let hanging = client.request(.GET, "/hang")
            await eventually("the request reaches the old upstream") { old.paths.contains("/hang") }
            var table = RouteTable.split(stable: [new])
            table.drainTimeout = .milliseconds(200)
            try await proxy.server.install(table)
            let response = try await hanging
            #expect(response.status == .badGateway)
            #expect(response.text.contains("closed the connection before responding"))
        }
    }

    @Test func healthChecksTakeUpstreamsOutAndBackIn() async throws {
        let first = try await TestUpstream.start(name: "first")
        let second = try await TestUpstream.start(name: "second", healthy: false)
        let check = HealthCheck(path: "/health", interval: .milliseconds(30), timeout: .seconds(2), healthyThreshold: 1, unhealthyThreshold: 1)
        let table = RouteTable(routes: [Route(name: "web", split: SplitRoute(stable: UpstreamPool("stable", [first, second], healthCheck: check)))])
        try await ProxyFixture.with(table: table, configure: { $0.initialHealthTimeout = .milliseconds(300) }) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            let healthOf = { (name: String) in
                proxy.server.observedRoutes()[0].upstreams.first { $0.address.port == (name == "first" ? first.port : second.port) }!.isHealthy
            }
            await eventually("the first upstream passes") { healthOf("first") }
            #expect(!healthOf("second"))
            for _ in 0..<4 { #expect(try await connection.request(.GET, "/").text == "first") }

            second.setHealthy(true)
            await eventually("the second upstream passes") { healthOf("second") }
            var names: Set<String> = []
            for _ in 0..<4 { names.insert(try await connection.request(.GET, "/").text) }
            #expect(names == ["first", "second"])

            first.setHealthy(false)
            await eventually("the first upstream fails") { !healthOf("first") }
            for _ in 0..<4 { #expect(try await connection.request(.GET, "/").text == "second") }

            second.setHealthy(false)
            await eventually("both are down") { !healthOf("second") }
            let unavailable = try await connection.request(.GET, "/")
            #expect(unavailable.status == .serviceUnavailable)
        }
    }

    @Test func aNewUpstreamGetsTrafficOnlyAfterItPasses() async throws {
        let stable = try await TestUpstream.start(name: "stable")
        let canary = try await TestUpstream.start(name: "canary", healthy: false)
        let check = HealthCheck(path: "/health", interval: .milliseconds(30), timeout: .seconds(2), healthyThreshold: 2, unhealthyThreshold: 1)
        try await ProxyFixture.with(table: .split(stable: [stable]), configure: { $0.initialHealthTimeout = .milliseconds(200) }) { proxy in
            var table = RouteTable.split(stable: [stable], canary: [canary], weight: 50)
            table.routes[0].split.canary?.healthCheck = check
            let observed = try await proxy.server.install(table)
            #expect(observed[0].effectiveCanaryWeight == 0)
            #expect(proxy.server.observedWeight(route: "web") == 0)
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            for _ in 0..<6 { #expect(try await connection.request(.GET, "/").text == "stable") }
            #expect(canary.trafficRequests == 0)

            canary.setHealthy(true)
            await eventually("the canary passes twice") { proxy.server.observedWeight(route: "web") == 50 }
            var names: [String] = []
            for _ in 0..<6 { names.append(try await connection.request(.GET, "/").text) }
            #expect(names.filter { $0 == "canary" }.count == 3)
        }
    }

    @Test func installWaitsForANewHealthyPoolSoReplacingItFailsNothing() async throws {
        let old = try await TestUpstream.start(name: "old")
        let new = try await TestUpstream.start(name: "new")
        let check = HealthCheck(path: "/health", interval: .milliseconds(50), timeout: .seconds(2))
        try await ProxyFixture.with(table: .split(stable: [old])) { proxy in
            let table = RouteTable(routes: [Route(name: "web", split: SplitRoute(stable: UpstreamPool("stable", [new], healthCheck: check)))])
            let observed = try await proxy.server.install(table)
            let allHealthy = observed[0].upstreams.allSatisfy { $0.isHealthy }
            #expect(allHealthy)
            let response = try await fetch(port: proxy.port, "/")
            #expect(response.text == "new")
        }
    }

    @Test func metricsFollowTheRevisionsInTheTable() async throws {
        let old = try await TestUpstream.start(name: "old")
        let new = try await TestUpstream.start(name: "new")
        try await ProxyFixture.with(table: .split(stable: [old], canary: [new], weight: 50)) { proxy in
            for _ in 0..<4 { _ = try await fetch(port: proxy.port, "/") }
            let before = await proxy.server.metrics()
            #expect(before.series(route: "web", revision: "stable")?.count(.success) == 2)
            #expect(before.series(route: "web", revision: "canary")?.count(.success) == 2)
            try await proxy.server.install(RouteTable(routes: [Route(name: "web", split: SplitRoute(stable: UpstreamPool("promoted", [new])))]))
            _ = try await fetch(port: proxy.port, "/")
            let after = await proxy.server.metrics()
            #expect(after.series.map(\.labels.revision) == ["promoted"])
            #expect(after.since(before).series(route: "web", revision: "promoted")?.requestCount == 1)
        }
    }

    @Test func invalidTablesChangeNothing() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            var bad = RouteTable.split(stable: [upstream])
            bad.routes[0].split.canaryWeight = 50
            await #expect(throws: ProxyError.self) { try await proxy.server.install(bad) }
            #expect(proxy.server.observedRoutes()[0].route.split.canaryWeight == 0)
            let response = try await fetch(port: proxy.port, "/")
            #expect(response.text == "web")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func hundredWeightChangesAndPoolReplacementsUnderLoadFailNothing() async throws {
        let stable = try await TestUpstream.start(name: "stable")
        var started = [try await TestUpstream.start(name: "canary-0")]
        for index in 1...3 { started.append(try await TestUpstream.start(name: "canary-\(index)")) }
        let canaries = started
        try await ProxyFixture.with(table: .split(stable: [stable], canary: [canaries[0]], weight: 0), threads: 2) { proxy in
            let outcome = LoadOutcome()
            let installsDone = Flag()
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(40)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        var connection = try await TestHTTPConnection.connect(port: proxy.port)
                        var sent = 0
                        while clock.now < deadline && (sent < 150 || !installsDone.isSet) {
                            sent += 1
                            do {
                                let response = try await connection.request(.GET, "/")
                                outcome.record(status: Int(response.status.code))
                            } catch {
                                outcome.record(error: error)
                                connection = try await TestHTTPConnection.connect(port: proxy.port)
                            }
                        }
                        await connection.close()
                    }
                }
                group.addTask {
                    for step in 1...100 {
                        let canary = canaries[(step / 25) % canaries.count]
                        var table = RouteTable.split(stable: [stable], canary: [canary], weight: step % 101)
                        table.drainTimeout = .seconds(10)
                        try await proxy.server.install(table)
                        #expect(proxy.server.observedWeight(route: "web") == step % 101)
                        try? await Task.sleep(for: .milliseconds(5))
                    }
                    installsDone.set()
                }
                try await group.waitForAll()
            }
            let result = outcome.value
            #expect(result.failed == 0)
            #expect(result.errors.isEmpty, "\(result.errors.prefix(5))")
            #expect(result.ok >= 900)
            #expect(installsDone.isSet)
            let canaryTraffic = canaries.map(\.trafficRequests).reduce(0, +)
            #expect(canaryTraffic > 0 && stable.trafficRequests > 0)
        }
    }
}

/// Counts of a load run, shared by the client tasks.
private final class LoadOutcome: Sendable {
    private let state = Mutex((ok: 0, failed: 0, errors: [String]()))

    func record(status: Int) {
        state.withLock { if (200..<300).contains(status) { $0.ok += 1 } else { $0.failed += 1 } }
    }

    func record(error: any Error) {
        state.withLock { $0.errors.append("\(error)") }
    }

    var value: (ok: Int, failed: Int, errors: [String]) { state.withLock { $0 } }
}

/// A flag set once, read by other tasks.
private final class Flag: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var isSet: Bool { state.withLock { $0 } }
}
