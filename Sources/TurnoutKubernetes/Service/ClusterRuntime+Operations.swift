import Foundation
import KubernetesClient
import TurnoutCore
import TurnoutService

extension ClusterRuntime {
    /// Applies an operation as the single-host runtime does (`Rollout.applying`), then writes what changed:
    /// the spec by a PUT of the object as read (so a concurrent write fails with a conflict and nothing is
    /// lost), the status through the `status` subresource. A conflict with the controller's own writes is
    /// retried from a fresh read, up to three times.
    public func perform(_ operation: RolloutOperationName, onRollout name: String, _ request: OperationRequest) async throws(RuntimeServiceError) -> RolloutView {
        let change = try operation.operation(request)
        return try await serving("\(operation.rawValue) rollout \(name)") {
            var attempt = 1
            while true {
                do {
                    try await write(change, toRollout: name)
                    break
                } catch KubernetesError.conflict where attempt < 3 {
                    attempt += 1
                }
            }
            return try await view(ofRollout: name)
        }
    }

    /// One read-change-write of an operation.
    private func write(_ change: RolloutOperation, toRollout name: String) async throws {
        let raw: KubernetesJSON
        do {
            raw = try await client.get(resources.rollouts, namespace: namespace, name: name)
        } catch KubernetesError.notFound {
            throw missingRollout(name)
        }
        var current = try ClusterRolloutCodec.decode(raw)
        let revisions = try await ownedReplicaSets(of: current).compactMap(\.revisionState)
        let changed: Rollout
        do {
            changed = try current.applying(change, revisions: revisions, now: clock.now())
        } catch {
            throw RuntimeServiceError.invalidRequest(error.description)
        }
        if let updated = try Self.specUpdate(of: raw, from: current, to: changed) {
            current = ClusterRolloutCodec.loaded(try await client.update(resources.rollouts, namespace: namespace, name: name, updated, as: Rollout.self))
        }
        if let status = changed.status, status != current.status {
            _ = try await ClusterStatusWriter(client: client, resources: resources).write(status, of: current)
        }
    }

    /// The object as read with the spec fields operations change (`paused`, `restartAt`, `template`) set as in
    /// `changed`, every other field (and the resourceVersion that guards the write) untouched; `nil` when none
    /// of them changed. Pure.
    static func specUpdate(of raw: KubernetesJSON, from current: Rollout, to changed: Rollout) throws -> KubernetesJSON? {
        guard case .object(var object) = raw, case .object(var spec)? = object["spec"] else { return nil }
        var isChanged = false
        func set<T: Encodable & Equatable>(_ key: String, _ old: T?, _ new: T?) throws {
            guard old != new else { return }
            isChanged = true
            spec[key] = try new.map { try KubernetesJSON(encoding: $0) }
        }
        try set("paused", current.spec.paused, changed.spec.paused)
        try set("restartAt", current.spec.restartAt, changed.spec.restartAt)
        try set("template", current.spec.template, changed.spec.template)
        guard isChanged else { return nil }
        object["spec"] = .object(spec)
        return .object(object)
    }
}
