import Foundation
import KubernetesClient
import TurnoutCore
import TurnoutService

extension ClusterRuntime {
    /// One summary per rollout of the namespace, by name.
    public func rollouts() async throws(RuntimeServiceError) -> [RolloutSummary] {
        try await serving("list rollouts") {
            try await client.listAll(resources.rollouts, namespace: namespace, as: Rollout.self).items
                .map { RolloutSummary(ClusterRolloutCodec.loaded($0)) }
                .sorted { $0.name < $1.name }
        }
    }

    /// Everything known about one rollout: read with four requests in parallel.
    public func rollout(named name: String) async throws(RuntimeServiceError) -> RolloutView {
        try await serving("get rollout \(name)") { try await view(ofRollout: name) }
    }

    /// The newest `limit` Events about a rollout, oldest first.
    public func events(ofRollout name: String, limit: Int?) async throws(RuntimeServiceError) -> [EventView] {
        try await serving("list events of rollout \(name)") {
            _ = try await existingRollout(name)
            let events = try await client.listAll(
                .events, namespace: namespace,
                options: ListOptions(fieldSelector: "involvedObject.kind=Rollout,involvedObject.name=\(name)"), as: ClusterEvent.self
            ).items
            let views = events.map { event in
                EventView(time: event.lastTimestamp ?? event.firstTimestamp ?? event.metadata.creationTimestamp ?? "",
                          reason: event.reason ?? "", message: event.message ?? "", isWarning: event.type == "Warning")
            }.sorted { $0.time < $1.time }
            return limit.map { Array(views.suffix(max(0, $0))) } ?? views
        }
    }

    /// The last `lines` log lines of each pod of a rollout (of one revision number when given), each prefixed `[HASH/POD]`.
    public func logs(ofRollout name: String, revision: Int?, lines: Int) async throws(RuntimeServiceError) -> LogsResponse {
        try await serving("read logs of rollout \(name)") {
            let rollout = try await existingRollout(name)
            var sets = try await ownedReplicaSets(of: rollout)
            if let revision {
                sets = sets.filter { $0.revisionNumber == revision }
                guard !sets.isEmpty else {
                    throw RuntimeServiceError.notFound("read logs of rollout \(name): no revision \(revision)")
                }
            }
            let pods = try await client.listAll(.pods, namespace: namespace, options: ListOptions(labelSelector: ClusterMetadata.podTemplateHash), as: Pod.self).items
            var output: [String] = []
            for set in sets {
                for pod in pods where pod.metadata.controllerReference?.uid == set.metadata.uid {
                    let podName = pod.metadata.name ?? ""
                    let text = (try? await client.log(pod: podName, namespace: namespace, options: LogOptions(tailLines: max(1, lines)))) ?? ""
                    output += text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { "[\(set.podTemplateHash ?? "")/\(podName)] \($0)" }
                }
            }
            return LogsResponse(lines: output)
        }
    }

    /// One analysis run with all its measurements.
    public func analysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView {
        try await serving("get analysis run \(name)") {
            let run: ClusterAnalysisRun
            do {
                run = try await client.get(resources.analysisRuns, namespace: namespace, name: name)
            } catch KubernetesError.notFound {
                throw RuntimeServiceError.notFound("get analysis run \(name): no such analysis run in namespace \(namespace); `turnout get rollout NAME` lists a rollout's runs")
            }
            return AnalysisRunView(name: name, role: run.role.label, run: run.run)
        }
    }

    /// Sets `spec.terminate` on a run; the controller stops its measurements and finishes it.
    public func terminateAnalysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView {
        try await serving("terminate analysis run \(name)") {
            do {
                let _: KubernetesJSON = try await client.patch(resources.analysisRuns, namespace: namespace, name: name, .merge(["spec": ["terminate": true]]))
            } catch KubernetesError.notFound {
                throw RuntimeServiceError.notFound("terminate analysis run \(name): no such analysis run in namespace \(namespace)")
            }
            return try await analysisRun(named: name)
        }
    }

    // MARK: Gathering

    /// The rollout, or a not-found naming the namespace.
    func existingRollout(_ name: String) async throws -> Rollout {
        do {
            return ClusterRolloutCodec.loaded(try await client.get(resources.rollouts, namespace: namespace, name: name, as: Rollout.self))
        } catch KubernetesError.notFound {
            throw missingRollout(name)
        }
    }

    /// The error for a rollout that is not there, naming the namespace and the group looked in.
    func missingRollout(_ name: String) -> RuntimeServiceError {
        .notFound("rollout \(name) does not exist in namespace \(namespace) (\(resources.rollouts.group) Rollouts); `turnout list` shows the rollouts there, `--api-group` chooses the other group")
    }

    /// The ReplicaSets a rollout owns.
    func ownedReplicaSets(of rollout: Rollout) async throws -> [ReplicaSet] {
        try await client.listAll(.replicaSets, namespace: namespace, options: ListOptions(labelSelector: ClusterMetadata.podTemplateHash), as: ReplicaSet.self).items
            .filter { $0.metadata.controllerReference?.uid == rollout.metadata.uid }
    }

    /// The view of a rollout now.
    func view(ofRollout name: String) async throws -> RolloutView {
        async let rolloutRead = existingRollout(name)
        async let setsRead = client.listAll(.replicaSets, namespace: namespace, options: ListOptions(labelSelector: ClusterMetadata.podTemplateHash), as: ReplicaSet.self)
        async let podsRead = client.listAll(.pods, namespace: namespace, options: ListOptions(labelSelector: ClusterMetadata.podTemplateHash), as: Pod.self)
        async let runsRead = client.listAll(resources.analysisRuns, namespace: namespace, as: ClusterAnalysisRun.self)
        async let servicesRead = client.listAll(.services, namespace: namespace, as: KubernetesJSON.self)
        let rollout = try await rolloutRead
        let sets = try await setsRead.items.filter { $0.metadata.controllerReference?.uid == rollout.metadata.uid }
        let pods = try await podsRead.items
        let runs = try await runsRead.items.filter { $0.rolloutName == name }.sorted {
            ($0.objectMeta.creationTimestamp ?? "", $0.objectMeta.name ?? "") > ($1.objectMeta.creationTimestamp ?? "", $1.objectMeta.name ?? "")
        }
        let services = try await servicesRead.items
        var replicas: [String: [ReplicaView]] = [:]
        for set in sets {
            guard let hash = set.podTemplateHash else { continue }
            let owned = pods.filter { $0.metadata.controllerReference?.uid == set.metadata.uid }.sorted { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }
            replicas[hash] = owned.enumerated().map { index, pod in
                let port = set.spec.template.spec.containers.first?.ports?.first?.containerPort
                return ReplicaView(
                    kind: .pod, index: index, name: pod.metadata.name,
                    address: pod.status?.podIP.map { ip in port.map { "\(ip):\($0)" } ?? ip },
                    node: pod.spec?.nodeName, isReady: pod.isReady, isTerminating: pod.metadata.deletionTimestamp != nil,
                    restarts: pod.restarts)
            }
        }
        let roles = ServiceRoles(rollout)
        let selected = Dictionary(services.compactMap { service -> (String, String)? in
            guard let name = service[path: ["metadata", "name"]]?.stringValue, let hash = service[path: ["spec", "selector", ClusterMetadata.podTemplateHash]]?.stringValue else { return nil }
            return (name, hash)
        }, uniquingKeysWith: { first, _ in first })
        let traffic = roles.all.isEmpty ? nil : TrafficState(
            stable: roles.stable.first.flatMap { selected[$0] }, canary: roles.canary.first.flatMap { selected[$0] }, routesRequests: false)
        let serviceObjects = try services.map { service in
            KubernetesObject(
                apiVersion: "v1", kind: "Service", metadata: try (service["metadata"] ?? [:]).decoded(as: TurnoutCore.ObjectMeta.self),
                document: try service.decoded(as: JSONValue.self))
        }
        return RolloutView(
            rollout: rollout, reconcileFailure: nil,
            revisions: sets.compactMap(\.revisionState), replicas: replicas, traffic: traffic,
            analysisRuns: runs.map { AnalysisRunView(name: $0.objectMeta.name ?? "", role: $0.role.label, run: $0.run) },
            services: serviceObjects, listeners: try await serviceListeners())
    }
}
