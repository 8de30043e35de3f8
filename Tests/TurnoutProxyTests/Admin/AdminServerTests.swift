import Foundation
import NIOCore
import NIOHTTP1
import Testing
@testable import TurnoutProxy

/// Loopback tests of the admin endpoint: observed routes, weight changes, table installs, metrics, tokens.
@Suite struct AdminServerTests {
    private func withAdmin(token: String? = nil, _ body: (ProxyFixture, Int, TestUpstream, TestUpstream) async throws -> Void) async throws {
        let stable = try await TestUpstream.start(name: "stable")
        let canary = try await TestUpstream.start(name: "canary")
        try await ProxyFixture.with(table: .split(stable: [stable], canary: [canary], weight: 0)) { proxy in
            let admin = AdminServer(proxy: proxy.server, configuration: AdminConfiguration(port: 0, token: token))
            let address = try await admin.start()
            do {
                try await body(proxy, address.port!, stable, canary)
            } catch {
                await admin.shutdown()
                throw error
            }
            await admin.shutdown()
        }
    }

    @Test func changesTheWeightAndReportsTheObservedState() async throws {
        try await withAdmin { proxy, adminPort, _, _ in
            let before = try await fetch(port: adminPort, "/routes")
            let observed = try JSONDecoder().decode(ObservedRoutes.self, from: Data(before.text.utf8))
            #expect(observed.routes.first?.effectiveCanaryWeight == 0)

            let body = ByteBuffer(string: #"{"canaryWeight": 100}"#)
            let changed = try await fetch(port: adminPort, "/routes/web/weight", method: .PUT, body: body)
            #expect(changed.status == .ok)
            let after = try JSONDecoder().decode(ObservedRoutes.self, from: Data(changed.text.utf8))
            #expect(after.routes.first?.effectiveCanaryWeight == 100)
            #expect(proxy.server.observedWeight(route: "web") == 100)
            let response = try await fetch(port: proxy.port, "/")
            #expect(response.text == "canary")
        }
    }

    @Test func installsAWholeTableAndRefusesABadOneWithTheReason() async throws {
        try await withAdmin { proxy, adminPort, stable, _ in
            let table = #"{"routes":[{"name":"only","split":{"stable":{"revision":"v7","upstreams":["\#(stable.address)"]}}}]}"#
            let installed = try await fetch(port: adminPort, "/routes", method: .PUT, body: ByteBuffer(string: table))
            #expect(installed.status == .ok)
            #expect(proxy.server.observedRoutes().map(\.route.name) == ["only"])

            let bad = #"{"routes":[{"name":"x","split":{"stable":{"revision":"v1","upstreams":[]},"canaryWeight":5}}]}"#
            let refused = try await fetch(port: adminPort, "/routes", method: .PUT, body: ByteBuffer(string: bad))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("needs a canary pool"))
            let garbage = try await fetch(port: adminPort, "/routes", method: .PUT, body: ByteBuffer(string: "{"))
            #expect(garbage.status == .badRequest)
            let missing = try await fetch(port: adminPort, "/routes/nope/weight", method: .PUT, body: ByteBuffer(string: #"{"canaryWeight": 1}"#))
            #expect(missing.status == .notFound)
            #expect(proxy.server.observedRoutes().map(\.route.name) == ["only"])
        }
    }

    @Test func servesPrometheusMetrics() async throws {
        try await withAdmin { proxy, adminPort, _, _ in
            for _ in 0..<3 { _ = try await fetch(port: proxy.port, "/") }
            let metrics = try await fetch(port: adminPort, "/metrics")
            #expect(metrics.headers.first(name: "content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(metrics.text.contains(#"turnout_proxy_requests_total{listener="main",route="web",revision="stable",code="2xx"} 3"#))
        }
    }

    @Test func aTokenIsRequiredWhenConfigured() async throws {
        try await withAdmin(token: "s3cret") { _, adminPort, _, _ in
            let none = try await fetch(port: adminPort, "/routes")
            let wrong = try await fetch(port: adminPort, "/routes", headers: [("Authorization", "Bearer wrong")])
            let right = try await fetch(port: adminPort, "/routes", headers: [("Authorization", "Bearer s3cret")])
            let health = try await fetch(port: adminPort, "/healthz")
            #expect(none.status == .unauthorized)
            #expect(wrong.status == .unauthorized)
            #expect(right.status == .ok)
            #expect(health.status == .ok)
        }
    }

    @Test func refusesANonLoopbackAddressWithoutAToken() async throws {
        try await ProxyFixture.with { proxy in
            let admin = AdminServer(proxy: proxy.server, configuration: AdminConfiguration(host: "0.0.0.0", port: 0))
            await #expect(throws: AdminError.tokenRequired(host: "0.0.0.0")) { try await admin.start() }
        }
    }
}
