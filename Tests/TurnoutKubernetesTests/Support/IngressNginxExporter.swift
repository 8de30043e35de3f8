import Foundation
import Synchronization
import TurnoutTestSupport

/// Serves ingress-nginx's request series (`nginx_ingress_controller_requests` by status and the
/// `…_request_duration_seconds` histogram) for a few Services at known rates, growing with the time since it
/// started, for a real Prometheus to scrape: the PromQL of the `builtin` provider is then checked by Prometheus.
final class IngressNginxExporter: Sendable {
    /// One Service's traffic: requests per second, the share of them answered 500, and the upper bound of
    /// the latency bucket every request falls in (`0.1`: `(0.05, 0.1]` seconds; `0.5`: `(0.1, 0.5]`).
    struct Traffic: Sendable {
        var requestsPerSecond: Double
        var errorShare: Double
        var latencyBound: Double = 0.1
    }

    private let server: TestHTTPServer
    private let state: Box<Mutex<(namespace: String, traffic: [String: Traffic])>>

    private init(server: TestHTTPServer, state: Box<Mutex<(namespace: String, traffic: [String: Traffic])>>) {
        self.server = server
        self.state = state
    }

    /// `HOST:PORT`, as a scrape target.
    var target: String { String(server.baseURL.dropFirst("http://".count)) }

    /// Starts serving `traffic` by Service name, under `namespace` (settable later, once the test has one).
    static func start(traffic: [String: Traffic]) async throws -> IngressNginxExporter {
        let started = ContinuousClock.now
        let state = Box(Mutex((namespace: "", traffic: traffic)))
        let server = try await TestHTTPServer.start { _ in
            let elapsed = (ContinuousClock.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            let (namespace, traffic) = state.value.withLock { ($0.namespace, $0.traffic) }
            return CannedResponse(body: Self.series(namespace: namespace, traffic: traffic, seconds: seconds), contentType: "text/plain; version=0.0.4")
        }
        return IngressNginxExporter(server: server, state: state)
    }

    /// Sets the namespace the series carry.
    func setNamespace(_ namespace: String) {
        state.value.withLock { $0.namespace = namespace }
    }

    func stop() async {
        await server.stop()
    }

    /// The exposition text at `seconds` after the start.
    static func series(namespace: String, traffic: [String: Traffic], seconds: Double) -> String {
        var lines = ["# TYPE nginx_ingress_controller_requests counter", "# TYPE nginx_ingress_controller_request_duration_seconds histogram"]
        for (service, flow) in traffic.sorted(by: { $0.key < $1.key }) {
            let total = flow.requestsPerSecond * seconds
            let labels = "namespace=\"\(namespace)\",service=\"\(service)\",ingress=\"demo-ingress\""
            lines.append("nginx_ingress_controller_requests{\(labels),status=\"200\"} \(total * (1 - flow.errorShare))")
            lines.append("nginx_ingress_controller_requests{\(labels),status=\"500\"} \(total * flow.errorShare)")
            for bound in [0.05, 0.1, 0.5, Double.infinity] {
                let count = flow.latencyBound <= bound ? total : 0
                lines.append("nginx_ingress_controller_request_duration_seconds_bucket{\(labels),le=\"\(bound.isFinite ? String(bound) : "+Inf")\"} \(count)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Shares a non-copyable value with a closure.
final class Box<Value: ~Copyable & Sendable>: Sendable {
    let value: Value
    init(_ value: consuming Value) { self.value = value }
}
