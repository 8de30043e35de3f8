import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import TurnoutService

/// Seed 000's blue-green without Argo: two Deployments of two-container pods (nginx serving a shared emptyDir that
/// a debian sidecar writes), a Service each, and Ingresses for hosts demo-stable and demo-canary; the switch is a
/// re-applied Ingress.
@Suite(.serialized) struct PlainDeploymentTests {
    static let seedFiles = ["deployment-blue.yaml", "deployment-green.yaml", "service-blue.yaml", "service-green.yaml",
                            "ingress-stable.yaml", "ingress-canary.yaml"].map { "Tests/Fixtures/seeds/\($0)" }

    /// The body of `GET /` through `address` with a Host header.
    static func page(_ address: String, host: String? = nil) async throws -> String {
        var request = HTTPClientRequest(url: "http://\(address)/")
        if let host { request.headers.replaceOrAdd(name: "Host", value: host) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 64 * 1024)
        return "\(response.status.code) \(String(buffer: body).trimmingCharacters(in: .whitespacesAndNewlines))"
    }

    /// Polls `GET /` until its answer starts with `expected`; returns the last answer.
    static func waitForPage(_ address: String, host: String? = nil, _ expected: String, seconds: Double = 60) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = (try? await page(address, host: host)) ?? "no answer"
            if last.hasPrefix(expected) { return last }
            try await Task.sleep(for: .milliseconds(200))
        }
        return last
    }

    @Test func seedZeroRunsUnchangedAndTheIngressSwitchMovesTheStableHost() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        let applied = try await daemon.cli(["apply"] + Self.seedFiles.flatMap { ["-f", $0] })
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("Deployment/demo-deployment-blue created"), "\(applied.stdout)")
        #expect(applied.stderr.contains("deprecated"), "the extensions/v1beta1 warnings are shown: \(applied.stderr)")
        for name in ["demo-deployment-blue", "demo-deployment-green"] {
            let view = try await daemon.waitFor(name, "healthy with 3 replicas") { $0.isHealthy && $0.rollout.status?.availableReplicas == 3 }
            #expect(view.revisions.first?.replicas == 3)
        }
        let ingress = try await daemon.address(of: "ingress")
        #expect(try await Self.waitForPage(ingress, host: "demo-stable", "200 hello this is version 1") == "200 hello this is version 1")
        #expect(try await Self.waitForPage(ingress, host: "demo-canary", "200 hello this is version 2") == "200 hello this is version 2")
        let blueService = try await daemon.address(of: "demo-service-blue")
        #expect(try await Self.page(blueService) == "200 hello this is version 1")

        // A crashed daemon takes the pods back as they are: same launcher processes, same volumes.
        let pids = Set(try await daemon.rollout("demo-deployment-blue").revisions.flatMap(\.processes).compactMap(\.pid))
        #expect(pids.count == 3)
        await daemon.kill9()
        try await daemon.start()
        let adopted = try await daemon.waitFor("demo-deployment-blue", "re-adopted") { view in
            view.isHealthy && view.revisions.flatMap(\.processes).count == 3 && view.revisions.flatMap(\.processes).allSatisfy(\.isReady)
        }
        #expect(Set(adopted.revisions.flatMap(\.processes).compactMap(\.pid)) == pids, "pods were re-adopted, not restarted")
        #expect(try await Self.waitForPage(ingress, host: "demo-stable", "200 hello this is version 1") == "200 hello this is version 1")

        let switched = try await daemon.cli(["apply", "-f", "Tests/Fixtures/seeds/ingress-stable-switched.yaml"])
        #expect(switched.status == 0, "\(switched.stderr)")
        #expect(try await Self.waitForPage(ingress, host: "demo-stable", "200 hello this is version 2") == "200 hello this is version 2")

        let list = try await daemon.cli(["list"])
        #expect(list.stdout.contains("RollingUpdate"), "\(list.stdout)")
        let deleted = try await daemon.cli(["delete", "deployment", "demo-deployment-blue"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        let afterDelete = try await Self.waitForPage(blueService, "503")
        #expect(afterDelete.hasPrefix("503") && afterDelete.contains("no healthy upstream"), "\(afterDelete)")
    }

    @Test func aChangedDeploymentRollsItsReplicasOver() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        let blue = try Fixture.text("Tests/Fixtures/seeds/deployment2.yaml", replacing: [])
        #expect(try await daemon.apply(text: blue, named: "deployment.yaml").status == 0)
        try await daemon.waitFor("demo", "healthy") { $0.isHealthy && $0.rollout.status?.availableReplicas == 3 }
        let service = try await daemon.address(of: "demo")
        #expect(await ColorSample.take(10, from: service).colors == ["blue": 10])

        let green = blue.replacingOccurrences(of: "rollouts-demo:blue", with: "rollouts-demo:green")
        let applied = try await daemon.apply(text: green, named: "deployment.yaml")
        #expect(applied.stdout.contains("Deployment/demo configured"), "\(applied.stdout)")
        let done = try await daemon.waitFor("demo", "rolled over to green") { view in
            view.isHealthy && view.revisions.count == 2 && view.revisions.first { $0.replicas > 0 }?.images == ["argoproj/rollouts-demo:green"]
        }
        #expect(done.rollout.status?.availableReplicas == 3)
        #expect(await ColorSample.take(10, from: service).colors == ["green": 10])

        let replicaSet = try await daemon.apply(text: try Fixture.text("Tests/Fixtures/seeds/ReplicaSet.yaml", replacing: []), named: "rs.yaml")
        #expect(replicaSet.stdout.contains("ReplicaSet/demo configured"), "\(replicaSet.stdout)")
        #expect(replicaSet.stderr.contains("metadata.name: ReplicaSet demo takes over Deployment demo"), "\(replicaSet.stderr)")
    }
}
