import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutService

/// The built `turnout controller` on the test API server with the book's manifests as printed
/// (`argoproj.io`): killed with SIGKILL mid-rollout and restarted, and two replicas electing one leader.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct ControllerProcessTests {
    static let listing59 = "Tests/Fixtures/seeds/bluegreen_rollout.yaml"

    /// The demo rollout's ReplicaSets by pod-template hash.
    static func replicaSets(_ client: KubernetesClient, _ namespace: String) async throws -> [String: KubernetesJSON] {
        let listed = try await client.listAll(.replicaSets, namespace: namespace, as: KubernetesJSON.self)
        return Dictionary(listed.items.compactMap { set in
            set[path: ["metadata", "labels", "rollouts-pod-template-hash"]]?.stringValue.map { ($0, set) }
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The body of a GET.
    static func text(of url: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aControllerKilledMidRolloutFinishesItAfterARestart() async throws {
        let kubeconfig = try #require(KubeTestEnvironment.kubeconfigPath)
        try await CustomResourceInstaller.install(.argo)
        try await KubeTestEnvironment.withNamespace("kill9") { client, namespace in
            let cli = ClusterCLI(kubeconfig: kubeconfig, namespace: namespace, group: "argoproj.io")
            let controller = try await ControllerProcess(kubeconfig: kubeconfig, namespace: namespace, group: "argoproj.io", identity: "e2e-kill9")
            #expect(try await cli.run(["apply", "-f", Self.listing59]).status == 0)
            let first = try await cli.waitFor("demo", "healthy") { $0.rollout.status?.phase == .healthy }
            let blue = try #require(first.rollout.status?.stableRS)

            #expect(try await cli.run(["set", "image", "demo", "demo=argoproj/rollouts-demo:green"]).status == 0)
            var green = ""
            try await KubeTestEnvironment.eventually("the green ReplicaSet is made", timeout: .seconds(60)) {
                green = try await Self.replicaSets(client, namespace).keys.first { $0 != blue } ?? ""
                return !green.isEmpty
            }
            await controller.kill9()
            try await controller.start()

            let switched = try await cli.waitFor("demo", "switched to green") { $0.rollout.status?.stableRS == green && $0.rollout.status?.phase == .healthy }
            #expect(switched.rollout.status?.blueGreen?.activeSelector == green)
            try await KubeTestEnvironment.eventually("the blue revision is scaled down after its delay", timeout: .seconds(90)) {
                try await Self.replicaSets(client, namespace)[blue]?[path: ["spec", "replicas"]]?.intValue == 0
            }
            #expect(try await Self.replicaSets(client, namespace).count == 2, "the restarted controller made no second ReplicaSet")
            let metrics = try await Self.text(of: controller.probes + "/metrics")
            for line in ["turnout_workqueue_depth ", "turnout_api_requests_total{verb=\"list\",code=\"200\"} ", "turnout_rollouts{phase=\"Healthy\"} 1"] {
                #expect(metrics.contains(line), "\(line) in \(metrics)")
            }
            #expect(try await Self.text(of: controller.probes + "/readyz") == "ok\n")
            #expect(await controller.stop() == 0, "\(controller.logTail())")
        }
    }

    @Test func twoReplicasElectOneLeaderAndTheStandbyTakesOver() async throws {
        let kubeconfig = try #require(KubeTestEnvironment.kubeconfigPath)
        try await CustomResourceInstaller.install(.argo)
        try await KubeTestEnvironment.withNamespace("leader") { client, namespace in
            let cli = ClusterCLI(kubeconfig: kubeconfig, namespace: namespace, group: "argoproj.io")
            let one = try await ControllerProcess(kubeconfig: kubeconfig, namespace: namespace, group: "argoproj.io", identity: "e2e-one", leaderElect: true)
            let two = try await ControllerProcess(kubeconfig: kubeconfig, namespace: namespace, group: "argoproj.io", identity: "e2e-two", leaderElect: true)
            var holder: String?
            try await KubeTestEnvironment.eventually("one replica holds the lease", timeout: .seconds(30)) {
                holder = try await cli.leaseHolder(client)
                return holder != nil
            }
            let (leader, standby) = holder == one.identity ? (one, two) : (two, one)
            #expect(holder == leader.identity)
            #expect(try await cli.run(["apply", "-f", Self.listing59]).status == 0)
            let first = try await cli.waitFor("demo", "healthy") { $0.rollout.status?.phase == .healthy }
            let blue = try #require(first.rollout.status?.stableRS)
            #expect(try await cli.leaseHolder(client) == leader.identity, "the leader keeps the lease while it renews")

            await leader.kill9()
            try await KubeTestEnvironment.eventually("the standby takes the lease after it expires", timeout: .seconds(45)) {
                try await cli.leaseHolder(client) == standby.identity
            }
            #expect(try await cli.run(["set", "image", "demo", "demo=argoproj/rollouts-demo:green"]).status == 0)
            try await cli.waitFor("demo", "switched by the new leader") { $0.rollout.status?.stableRS.map { $0 != blue } == true && $0.rollout.status?.phase == .healthy }

            #expect(await standby.stop() == 0, "\(standby.logTail())")
            #expect(try await cli.leaseHolder(client) == nil, "a leader that stops releases the lease")
        }
    }
}
