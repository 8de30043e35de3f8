import Foundation
import Logging
import TurnoutCore
import TurnoutLocal
import TurnoutRuntime
import TurnoutSimulation

/// The adapters the port contract tests run against.
enum PortAdapter: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The in-memory runtime of `turnout simulate`.
    case simulated
    /// The single-host runtime's SQLite store (and process supervisor).
    case singleHost

    var description: String { rawValue }
}

/// One adapter's ports over one rollout and its templates, with the simulated data plane for the driver.
struct PortFixture: Sendable {
    static let start = Instant(secondsSinceEpoch: 1_767_225_600)

    let adapter: PortAdapter
    let clock: SimulatedClock
    let store: any RolloutStore
    let runStore: any AnalysisRunStore
    /// Workloads and router for the driver (the simulated ones, whichever store is under test).
    let dataPlane: SimulatedRuntime
    let key: RolloutKey
    /// Changes the rollout as an operation does (a new write, so the resourceVersion moves on).
    let change: @Sendable (@Sendable (inout Rollout) throws -> Void) async throws -> Void

    /// Analysis runs over this adapter's store with the given providers by kind.
    func analysisRuns(_ providers: [String: any MetricProvider]) -> AnalysisRunDriver {
        AnalysisRunDriver(store: runStore, templates: store, providers: MetricProviders(providers), clock: clock)
    }

    /// A rollout driver over this adapter's store and the simulated data plane.
    func driver(store: (any RolloutStore)? = nil, router: (any TrafficRouter)? = nil, workloads: (any Workloads)? = nil) -> RolloutDriver {
        RolloutDriver(
            store: store ?? self.store, workloads: workloads ?? dataPlane, router: router ?? dataPlane,
            analysisRuns: analysisRuns([:]), clock: clock, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// The rollout as stored now.
    func current() async throws -> Rollout {
        guard let rollout = try await store.rollout(key) else { throw CancellationError() }
        return rollout
    }

    /// Runs `body` with the adapter's ports holding `rollout` and `templates`, then removes what it made.
    static func with(_ adapter: PortAdapter, rollout: Rollout = canaryRollout(), templates: [AnalysisTemplate] = [], _ body: (PortFixture) async throws -> Void) async throws {
        let clock = SimulatedClock(start: start)
        let dataPlane = SimulatedRuntime(rollout: rollout, templates: templates, outcomes: [:], podReadySeconds: 0, clock: clock)
        switch adapter {
        case .simulated:
            try await body(PortFixture(
                adapter: adapter, clock: clock, store: dataPlane, runStore: dataPlane, dataPlane: dataPlane, key: rollout.key,
                change: { change in
                    var changed = await dataPlane.rollout
                    try change(&changed)
                    await dataPlane.replaceRollout(changed)
                }))
        case .singleHost:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-contract-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try LocalStore(directory: directory, clock: clock)
            _ = try store.apply([.rollout(rollout)] + templates.map { .analysisTemplate($0) })
            try await body(PortFixture(
                adapter: adapter, clock: clock, store: store, runStore: store, dataPlane: dataPlane, key: store.key(named: rollout.name),
                change: { change in try store.modifyRollout(named: rollout.name) { try change(&$0) } }))
            try store.close()
        }
    }

    /// A canary of four replicas behind NGINX: 30 %, 60 %, then a pause that waits for a person.
    static func canaryRollout(steps: [CanaryStep] = [CanaryStep(setWeight: 30), CanaryStep(setWeight: 60), CanaryStep(pause: PauseStep())]) -> Rollout {
        let template = PodTemplate(metadata: PodTemplateMetadata(labels: ["app": "demo"]), spec: PodSpec(containers: [Container(name: "demo", image: "demo:blue")]))
        var strategy = CanaryStrategy(steps: steps, trafficRouting: TrafficRouting(nginx: NginxTrafficRouting(stableIngress: "demo")))
        strategy.canaryService = "canary"
        strategy.stableService = "stable"
        let spec = RolloutSpec(replicas: 4, selector: LabelSelector(matchLabels: ["app": "demo"]), template: template, strategy: RolloutStrategy(canary: strategy))
        return Rollout(metadata: ObjectMeta(name: "demo"), spec: spec)
    }

    /// A template `check` with one metric, `probe`, measured by the `web` provider every 10 s.
    static func checkTemplate(name: String = "check", count: Int? = nil) -> AnalysisTemplate {
        var lines = ["apiVersion: turnout.dev/v1alpha1", "kind: AnalysisTemplate", "metadata: {name: \(name)}", "spec:", "  metrics:", "  - name: probe", "    interval: 10s"]
        if let count { lines.append("    count: \(count)") }
        lines += ["    provider:", "      web: {url: \"http://example.invalid/health\"}"]
        let yaml = lines.joined(separator: "\n")
        let set = ManifestLoader.load(text: yaml, file: "check.yaml")
        guard case .analysisTemplate(let template)? = set.documents.first?.object else { fatalError("check.yaml: \(set.diagnostics)") }
        return template
    }
}
