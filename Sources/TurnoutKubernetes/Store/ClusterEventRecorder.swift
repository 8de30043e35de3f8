import Foundation
import KubernetesClient
import TurnoutCore

/// Writes a `v1` Event about a rollout for each thing that happened to it, named `<rollout>.<unique suffix>`
/// as kubectl's recorder names them, from the component `turnout-controller`.
public struct ClusterEventRecorder: Sendable {
    /// The API server.
    public let client: KubernetesClient
    /// Who reports, e.g. the controller's pod name.
    public let instance: String

    /// The component events are reported by.
    public static let component = "turnout-controller"

    /// Creates a recorder.
    public init(client: KubernetesClient, instance: String) {
        self.client = client
        self.instance = instance
    }

    /// Creates one Event per rollout event.
    public func record(_ events: [RolloutEvent], about rollout: Rollout, at time: Instant) async throws {
        for event in events {
            let _: ClusterEvent = try await client.create(.events, namespace: rollout.metadata.namespace, Self.object(for: event, about: rollout, at: time, instance: instance))
        }
    }

    /// The Event object for one rollout event. Pure.
    public static func object(for event: RolloutEvent, about rollout: Rollout, at time: Instant, instance: String) -> ClusterEvent {
        let stamp = time.rfc3339
        let suffix = String(UInt64(time.secondsSinceEpoch * 1_000_000), radix: 16) + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return ClusterEvent(
            metadata: ClusterObjectMeta(name: "\(rollout.name).\(suffix)", namespace: rollout.metadata.namespace),
            involvedObject: ClusterEvent.InvolvedObject(
                apiVersion: rollout.apiVersion, kind: "Rollout", name: rollout.name,
                namespace: rollout.metadata.namespace, uid: rollout.metadata.uid),
            reason: event.reason.rawValue, message: event.message, type: event.isWarning ? "Warning" : "Normal",
            firstTimestamp: stamp, lastTimestamp: stamp,
            source: ClusterEvent.Source(component: component),
            reportingComponent: "turnout.dev/controller", reportingInstance: instance)
    }
}
