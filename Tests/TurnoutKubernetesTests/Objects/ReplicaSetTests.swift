import Foundation
import KubernetesClient
import Testing
import TurnoutCore

@testable import TurnoutKubernetes

struct ReplicaSetTests {
    static func replicaSet(replicas: Int?, generation: Int = 1, status: ReplicaSet.Status?, annotations: [String: String] = [:]) throws -> ReplicaSet {
        let json: KubernetesJSON = [
            "metadata": [
                "name": "web-6d4b9", "namespace": "shop", "generation": .int(generation),
                "labels": ["app": "web", "rollouts-pod-template-hash": "6d4b9"],
                "annotations": .object(annotations.mapValues { .string($0) }),
            ],
            "spec": [
                "replicas": replicas.map { .int($0) } ?? .null,
                "selector": ["matchLabels": ["app": "web", "rollouts-pod-template-hash": "6d4b9"]],
                "template": [
                    "metadata": ["labels": ["app": "web", "rollouts-pod-template-hash": "6d4b9"]],
                    "spec": ["containers": [["name": "web", "image": "nginx:1.25"]]],
                ],
            ],
        ]
        var replicaSet = try json.decoded(as: ReplicaSet.self)
        replicaSet.status = status
        return replicaSet
    }

    @Test(arguments: [
        // desired, observed ready/available → engine's ready/available
        (3, 3, 3, 3, 3),
        (1, 3, 3, 1, 1),   // scaled down, the controller has not caught up: never more than desired
        (3, 0, 0, 0, 0),
        (3, 2, 1, 2, 1),
    ])
    func countsNeverExceedTheDesiredReplicas(desired: Int, ready: Int, available: Int, expectedReady: Int, expectedAvailable: Int) throws {
        let replicaSet = try Self.replicaSet(replicas: desired, status: ReplicaSet.Status(replicas: 3, readyReplicas: ready, availableReplicas: available, observedGeneration: 1))
        let state = try #require(replicaSet.revisionState)
        #expect(state.replicas == desired)
        #expect(state.readyReplicas == expectedReady)
        #expect(state.availableReplicas == expectedAvailable)
    }

    @Test func readsHashNumberDeadlineAndRestartFromItsMetadata() throws {
        let replicaSet = try Self.replicaSet(replicas: nil, status: nil, annotations: [
            "rollout.argoproj.io/revision": "4", "scale-down-deadline": "2026-12-02T10:00:30Z",
            "turnout.dev/restarted-at": "2026-12-01T00:00:00Z",
        ])
        let state = try #require(replicaSet.revisionState)
        #expect(state.hash == "6d4b9")
        #expect(state.number == 4)
        #expect(state.replicas == 1, "the API server's default")
        #expect(state.scaleDownAt == Instant(rfc3339: "2026-12-02T10:00:30Z"))
        #expect(state.restartedAt == "2026-12-01T00:00:00Z")
        #expect(state.template.labels == ["app": "web"], "the hash label is the ReplicaSet's, not the rollout's template's")
    }

    @Test func statusIsCurrentOnlyOnceTheControllerObservedTheGeneration() throws {
        #expect(try Self.replicaSet(replicas: 2, generation: 3, status: ReplicaSet.Status(observedGeneration: 2)).isStatusCurrent == false)
        #expect(try Self.replicaSet(replicas: 2, generation: 3, status: ReplicaSet.Status(observedGeneration: 3)).isStatusCurrent)
    }
}
