import KubernetesClient
import Logging
import TurnoutCore
import TurnoutRuntime

/// Writes the routers' objects (canary Ingresses, HTTPRoutes, VirtualServices, DestinationRules) and tells
/// their own writes from others': an object whose resourceVersion is not the one of the last write to it was
/// changed by someone else since, and putting it back is announced with a Warning Event `TrafficRestored`.
public actor RouterObjectWriter {
    private let client: KubernetesClient
    private let events: ClusterEventRecorder
    private let clock: any InstantClock
    private let logger: Logger
    /// The resourceVersion of the last write to each object.
    private var written: [InformerKey: String] = [:]

    /// Creates the writer.
    public init(client: KubernetesClient, events: ClusterEventRecorder, clock: any InstantClock, logger: Logger) {
        self.client = client
        self.events = events
        self.clock = clock
        self.logger = logger
    }

    /// Patches `current` (a merge patch carrying its resourceVersion fails with a conflict if it changed
    /// meanwhile), writes the result into the cache and returns it; `restored` is the Event's message when
    /// someone else had changed it.
    @discardableResult
    public func patch<Object: ClusterInformerObject & Codable>(
        _ current: Object, in resource: ResourceType, _ patch: Patch, cache: Informer<Object>, for rollout: Rollout, restored: String
    ) async throws -> Object {
        let key = current.informerKey
        let updated: Object = try await client.patch(resource, namespace: key.namespace, name: key.name, patch)
        if let previous = written[key], previous != current.resourceVersion {
            logger.warning("\(restored)", metadata: ["rollout.name": "\(rollout.key)"])
            try await events.record([RolloutEvent(.trafficRestored, restored, isWarning: true)], about: rollout, at: clock.now())
        }
        await remember(updated, in: cache)
        logger.info("updated \(resource.plural)", metadata: ["rollout.name": "\(rollout.key)", "rollout.object": "\(key.name)"])
        return updated
    }

    /// Notes an object this router created (or otherwise wrote) and puts it into the cache.
    public func remember<Object: ClusterInformerObject>(_ object: Object, in cache: Informer<Object>) async {
        written[object.informerKey] = object.resourceVersion
        await cache.remember(object)
    }

    /// Forgets an object this router deleted.
    public func forget<Object: ClusterInformerObject>(_ key: InformerKey, in cache: Informer<Object>) async {
        written[key] = nil
        await cache.forget(key)
    }

    /// A merge patch of `spec` guarded by the resourceVersion `current` was read at.
    public static func specPatch(_ spec: [String: KubernetesJSON], readAt resourceVersion: String?) -> Patch {
        .merge(["metadata": ["resourceVersion": resourceVersion.map(KubernetesJSON.string) ?? .null], "spec": .object(spec)])
    }
}
