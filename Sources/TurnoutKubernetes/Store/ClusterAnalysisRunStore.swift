import Foundation
import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// The `AnalysisRunStore` of a cluster: AnalysisRun objects owned by their rollout (standalone ones owned by
/// nobody), read from the informer cache, status written through the `status` subresource, Secrets read
/// from the API server when an argument needs one.
public struct ClusterAnalysisRunStore: AnalysisRunStore {
    /// The API server.
    public let client: KubernetesClient
    /// The group's resources.
    public let resources: ClusterResources
    /// Where runs and rollouts are read.
    public let caches: ClusterCaches

    /// Creates the store.
    public init(client: KubernetesClient, resources: ClusterResources, caches: ClusterCaches) {
        self.client = client
        self.resources = resources
        self.caches = caches
    }

    public func analysisRuns(ofRollout rollout: RolloutKey) async throws -> [AnalysisRunRecord] {
        await caches.analysisRuns(ofRollout: rollout)
            .map(\.record)
            .sorted { ($0.createdAt, $0.name) < ($1.createdAt, $1.name) }
    }

    public func analysisRun(_ key: ObjectKey) async throws -> AnalysisRunRecord? {
        await caches.analysisRuns.object(InformerKey(key))?.record
    }

    @discardableResult
    public func createAnalysisRun(_ record: AnalysisRunRecord) async throws -> Bool {
        let key = record.key
        if await caches.analysisRuns.object(InformerKey(key)) != nil { return false }
        var owner: OwnerReference?
        if !record.rollout.isEmpty {
            guard let rollout = await caches.rollout(key.sibling(named: record.rollout)), let uid = rollout.metadata.uid else {
                throw ClusterStoreError.rolloutNotFound(action: "start an analysis run for", rollout: key.sibling(named: record.rollout))
            }
            owner = resources.ownerReference(toRollout: rollout.name, uid: uid)
        }
        var run = record
        run.run.apiVersion = resources.apiVersion
        do {
            let created: ClusterAnalysisRun = try await client.create(resources.analysisRuns, namespace: key.namespace, ClusterAnalysisRun.object(for: run, owner: owner))
            await caches.analysisRuns.remember(created)
            if let status = record.run.status {
                try await updateAnalysisRunStatus(status, of: key)
            }
            return true
        } catch KubernetesError.alreadyExists {
            return false
        }
    }

    public func updateAnalysisRunStatus(_ status: AnalysisRunStatus, of key: ObjectKey) async throws {
        guard let cached = await caches.analysisRuns.object(InformerKey(key)) else {
            throw ClusterStoreError.analysisRunNotFound(action: "update status of", run: key)
        }
        guard cached.run.status != status else { return }
        var run = cached.run
        run.status = status
        run.metadata.resourceVersion = cached.objectMeta.resourceVersion
        let updated: ClusterAnalysisRun = try await client.updateStatus(resources.analysisRuns, namespace: key.namespace, name: key.name, run)
        await caches.analysisRuns.remember(updated)
    }

    @discardableResult
    public func terminateAnalysisRun(_ key: ObjectKey) async throws -> Bool {
        do {
            let patched: ClusterAnalysisRun = try await client.patch(resources.analysisRuns, namespace: key.namespace, name: key.name, .merge(["spec": ["terminate": true]]))
            await caches.analysisRuns.remember(patched)
            return true
        } catch KubernetesError.notFound {
            return false
        }
    }

    public func secrets(named names: Set<String>, in namespace: String) async throws -> [String: [String: String]] {
        var secrets: [String: [String: String]] = [:]
        for name in names.sorted() {
            do {
                let secret: SecretObject = try await client.get(.secrets, namespace: namespace, name: name)
                secrets[name] = secret.values
            } catch KubernetesError.notFound {
                continue
            }
        }
        return secrets
    }
}

/// A `v1` Secret's name and values.
struct SecretObject: Decodable, Sendable {
    var metadata: ClusterObjectMeta
    var data: [String: String]?

    /// The values, decoded from base64 (values that are not UTF-8 text are left out).
    var values: [String: String] {
        (data ?? [:]).compactMapValues { Data(base64Encoded: $0).flatMap { String(data: $0, encoding: .utf8) } }
    }
}
