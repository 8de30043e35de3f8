import TurnoutCore

extension RolloutView {
    /// The view of a rollout from what a runtime observed: revisions newest first, each with the replicas listed
    /// under its hash in `replicas`, and the listeners of its Services and the ingress. Pure.
    ///
    /// - Parameters:
    ///   - reconcileFailure: why the last reconcile failed, appended to the status message when given.
    ///   - analysisRuns: the rollout's runs, newest first.
    ///   - services: every Service object the runtime knows; those the rollout names or selects keep their listeners.
    public init(
        rollout: Rollout, reconcileFailure: String?, revisions: [RevisionState], replicas: [String: [ReplicaView]],
        traffic: TrafficState?, analysisRuns: [AnalysisRunView], services: [KubernetesObject], listeners: [ListenerView]
    ) {
        var rollout = rollout
        if let reconcileFailure {
            var status = rollout.status ?? RolloutStatus()
            status.message = [status.message, "reconcile failed: \(reconcileFailure)"].compactMap { $0 }.joined(separator: "; ")
            rollout.status = status
        }
        let names = Self.serviceNames(of: rollout, among: services)
        self.init(
            rollout: rollout,
            revisions: revisions.sorted { $0.number > $1.number }.map { revision in
                RevisionView(revision, replicas: replicas[revision.hash] ?? [], in: rollout)
            },
            traffic: traffic,
            analysisRuns: analysisRuns,
            listeners: Self.listeners(listeners, ofServices: names)
        )
    }

    /// The Services a rollout names in its strategy and those whose selector matches its pods' labels. Pure.
    public static func serviceNames(of rollout: Rollout, among services: [KubernetesObject]) -> Set<String> {
        let strategy = rollout.spec.strategy
        let named = [strategy?.blueGreen?.activeService, strategy?.blueGreen?.previewService,
                     strategy?.canary?.stableService, strategy?.canary?.canaryService].compactMap { $0 }
        let labels = rollout.spec.template?.metadata?.labels ?? [:]
        let selecting = services.compactMap { service -> String? in
            guard service.kind == "Service", let name = service.metadata.name else { return nil }
            let selector = (service.document["spec"]?["selector"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
            guard !selector.isEmpty, selector.allSatisfy({ labels[$0.key] == $0.value }) else { return nil }
            return name
        }
        return Set(named + selecting)
    }

    /// The ingress listener and the listeners (`service/NAME`) of the named Services, in the order given. Pure.
    public static func listeners(_ listeners: [ListenerView], ofServices names: Set<String>) -> [ListenerView] {
        listeners.filter { listener in
            listener.name == "ingress" || (listener.name.hasPrefix("service/") && names.contains(String(listener.name.dropFirst("service/".count))))
        }
    }
}
