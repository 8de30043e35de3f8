import Foundation
import KubernetesClient
import KubernetesTestSupport
import Logging
import Testing
import TurnoutCore
import TurnoutKubernetes

/// A namespace on the test API server with a `RolloutController` reconciling it in this process, and the
/// reads the controller tests make.
struct ControllerHarness {
    let client: KubernetesClient
    let namespace: String
    let resources: ClusterResources

    /// Installs the group's CRDs, makes a namespace, runs a controller for it while `body` runs, then cleans up.
    static func run(_ label: String, group: TurnoutCore.APIGroup = .argo, prometheus: String? = nil, _ body: (ControllerHarness) async throws -> Void) async throws {
        try await CustomResourceInstaller.install(group == .argo ? .argo : .turnout)
        try await KubeTestEnvironment.withNamespace(label) { client, namespace in
            var logger = Logger(label: "controller-test")
            logger.logLevel = ProcessInfo.processInfo.environment["TURNOUT_TEST_LOG"].flatMap { Logger.Level(rawValue: $0) } ?? .critical
            let controller = try await RolloutController.make(
                client: client, configuration: ControllerConfiguration(group: group, namespace: namespace, workers: 2, identity: "test-\(label)", prometheusAddress: prometheus),
                logger: logger)
            let task = Task { await controller.run() }
            defer { task.cancel() }
            try await body(ControllerHarness(client: client, namespace: namespace, resources: ClusterResources(group: group)))
            task.cancel()
            await task.value
        }
    }

    /// Lints the manifest files (paths relative to the repository) and creates every object in the namespace.
    func apply(_ paths: [String], edit: (String) -> String = { $0 }) async throws {
        let root = CustomResourceInstaller.repositoryRoot
        try await apply(texts: paths.map { (file: $0, text: edit(try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))) })
    }

    /// Lints manifest texts and creates every object in the namespace.
    func apply(texts: [(file: String, text: String)]) async throws {
        let linted = LintedManifests(texts: texts)
        #expect(linted.isValid, "\(linted.errors.map(\.rendered))")
        for document in linted.set.documents {
            let object = document.object
            guard let resource = ClusterManifest.resource(for: object) else { continue }
            let _: KubernetesJSON = try await client.create(resource, namespace: namespace, ClusterManifest.object(for: object, namespace: namespace))
        }
    }

    /// The rollout as stored, Turnout-only status restored.
    func rollout(_ name: String) async throws -> Rollout {
        try ClusterRolloutCodec.decode(try await client.get(resources.rollouts, namespace: namespace, name: name))
    }

    /// Changes the image of the rollout's first container (what `turnout set image` does).
    func setImage(_ name: String, _ image: String) async throws {
        let _: KubernetesJSON = try await client.patch(
            resources.rollouts, namespace: namespace, name: name,
            .json([.replace("/spec/template/spec/containers/0/image", .string(image))]))
    }

    /// Patches the rollout's status as the CLI's operations do (`abort`, `retry`, `promote`).
    func patchStatus(_ name: String, _ patch: KubernetesJSON) async throws {
        let _: KubernetesJSON = try await client.patchStatus(resources.rollouts, namespace: namespace, name: name, .merge(["status": patch]))
    }

    /// The rollout's AnalysisRuns.
    func analysisRuns() async throws -> [ClusterAnalysisRun] {
        try await client.listAll(resources.analysisRuns, namespace: namespace, as: ClusterAnalysisRun.self).items
    }

    /// The rollout's ReplicaSets by pod-template hash.
    func replicaSets() async throws -> [String: ReplicaSet] {
        let listed = try await client.listAll(.replicaSets, namespace: namespace, as: ReplicaSet.self)
        return Dictionary(listed.items.compactMap { set in set.podTemplateHash.map { ($0, set) } }, uniquingKeysWith: { first, _ in first })
    }

    /// A Service.
    func service(_ name: String) async throws -> Service {
        try await client.get(.services, namespace: namespace, name: name)
    }

    /// The reasons of the Events about a rollout, oldest first.
    func eventReasons(_ name: String) async throws -> [String] {
        let listed = try await client.listAll(
            .events, namespace: namespace,
            options: ListOptions(fieldSelector: "involvedObject.kind=Rollout,involvedObject.name=\(name)"), as: ClusterEvent.self)
        return listed.items.sorted { ($0.firstTimestamp ?? "") < ($1.firstTimestamp ?? "") }.compactMap(\.reason)
    }

    /// Polls until `condition` holds (a failure naming `what` after `timeout`).
    func eventually(_ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
        try await KubeTestEnvironment.eventually(what, timeout: timeout, condition)
    }
}
