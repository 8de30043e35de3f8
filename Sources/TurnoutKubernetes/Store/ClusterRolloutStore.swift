import Foundation
import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// The `RolloutStore` of a cluster: rollouts read from the informer cache, templates from the API server,
/// status written through the `status` subresource guarded by resourceVersion (the result written back into
/// the cache), events as `v1` Events.
public struct ClusterRolloutStore: RolloutStore {
    /// The API server.
    public let client: KubernetesClient
    /// The group's resources.
    public let resources: ClusterResources
    /// Where rollouts are read.
    public let caches: ClusterCaches
    /// Writes the events.
    public let events: ClusterEventRecorder

    /// Creates the store.
    public init(client: KubernetesClient, resources: ClusterResources, caches: ClusterCaches, events: ClusterEventRecorder) {
        self.client = client
        self.resources = resources
        self.caches = caches
        self.events = events
    }

    /// The rollout from the cache, its `workloadRef` resolved; throws while the Deployment it names is missing.
    public func rollout(_ key: RolloutKey) async throws -> Rollout? {
        guard let rollout = await caches.rollout(key) else { return nil }
        if let reference = rollout.spec.workloadRef, rollout.spec.template == nil {
            throw ClusterStoreError.workloadNotFound(rollout: key, deployment: reference.name ?? "")
        }
        return rollout
    }

    public func analysisTemplate(_ key: ObjectKey, clusterScoped: Bool) async throws -> AnalysisTemplate? {
        let resource = clusterScoped ? resources.clusterAnalysisTemplates : resources.analysisTemplates
        do {
            return try await client.get(resource, namespace: clusterScoped ? nil : key.namespace, name: key.name, as: AnalysisTemplate.self)
        } catch KubernetesError.notFound {
            return nil
        }
    }

    /// Writes the annotations a group keeps Turnout-only status in (when they change), then the status; a status
    /// equal to the stored one writes nothing once the version is checked.
    @discardableResult
    public func saveStatus(_ status: RolloutStatus, of key: RolloutKey, expectedResourceVersion: String?) async throws -> Rollout {
        guard let current = await caches.rollout(key) else {
            throw ClusterStoreError.rolloutNotFound(action: "save status of", rollout: key)
        }
        if let expected = expectedResourceVersion, expected != current.metadata.resourceVersion {
            throw ClusterStoreError.stale(rollout: key, expected: expected, current: current.metadata.resourceVersion)
        }
        let (saved, wrote) = try await ClusterStatusWriter(client: client, resources: resources).write(status, of: current)
        if wrote { await caches.rollouts.remember(saved) }
        return saved
    }

    public func record(_ events: [RolloutEvent], for key: RolloutKey, at time: Instant) async throws {
        guard let rollout = await caches.rollout(key) else { return }
        try await self.events.record(events, about: rollout, at: time)
    }
}

/// Why a cluster store could not do what it was asked.
public enum ClusterStoreError: Error, Sendable, Hashable, CustomStringConvertible, RetryableError {
    /// The rollout is not in the cache (deleted, or not seen yet).
    case rolloutNotFound(action: String, rollout: RolloutKey)
    /// The cached rollout is newer than the one a decision was made from.
    case stale(rollout: RolloutKey, expected: String, current: String?)
    /// An analysis run to change is not in the cache.
    case analysisRunNotFound(action: String, run: ObjectKey)
    /// The Deployment a rollout's `workloadRef` names does not exist.
    case workloadNotFound(rollout: RolloutKey, deployment: String)

    public var retryReason: RetryReason? {
        switch self {
        case .stale: return .conflict
        case .rolloutNotFound, .analysisRunNotFound: return .transient
        case .workloadNotFound: return nil
        }
    }

    public var description: String {
        switch self {
        case .rolloutNotFound(let action, let rollout):
            return "\(action) rollout \(rollout): it is not in the cache (deleted, or not listed yet)"
        case .stale(let rollout, let expected, let current):
            return "save status of rollout \(rollout): it changed since it was read (resourceVersion \(expected), now \(current ?? "none"))"
        case .analysisRunNotFound(let action, let run):
            return "\(action) analysis run \(run): it is not in the cache"
        case .workloadNotFound(let rollout, let deployment):
            return "resolve rollout \(rollout): Deployment \(rollout.namespace)/\(deployment) (spec.workloadRef) does not exist; create it or fix workloadRef.name"
        }
    }
}
