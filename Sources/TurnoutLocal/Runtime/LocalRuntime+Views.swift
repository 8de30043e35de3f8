import TurnoutCore

extension LocalRuntime {
    /// One summary per rollout, by name.
    public func rollouts() async throws(RuntimeServiceError) -> [RolloutSummary] {
        try await serving("list rollouts") {
            try store.rollouts().map(Self.summary)
        }
    }

    /// Everything known about one rollout.
    public func rollout(named name: String) async throws(RuntimeServiceError) -> RolloutView {
        try await serving("get rollout \(name)") { try await view(ofRollout: name) }
    }

    /// The newest `limit` events of a rollout, oldest first.
    public func events(ofRollout name: String, limit: Int?) async throws(RuntimeServiceError) -> [EventView] {
        try await serving("list events of rollout \(name)") {
            _ = try existingRollout(name, for: "list events of")
            return try store.events(forRollout: name, limit: limit).map { record in
                EventView(time: record.time.rfc3339, reason: record.event.reason.rawValue, message: record.event.message, isWarning: record.event.isWarning)
            }
        }
    }

    /// The last `lines` log lines of each replica of a rollout (of one revision number when given), each line
    /// prefixed with its replica as `[REVISION-HASH/INDEX]`.
    public func logs(ofRollout name: String, revision: Int?, lines: Int) async throws(RuntimeServiceError) -> LogsResponse {
        try await serving("read logs of rollout \(name)") {
            _ = try existingRollout(name, for: "read logs of")
            let targets = try store.revisionTargets(forRollout: name)
            var hash: String?
            if let revision {
                guard let target = targets.first(where: { $0.number == revision }) else {
                    let known = targets.map { String($0.number) }.joined(separator: ", ")
                    throw RuntimeServiceError.notFound("read logs of rollout \(name): no revision \(revision) (revisions: \(known.isEmpty ? "none" : known))")
                }
                hash = target.hash
            }
            let tails = try await supervisor.logs(ofRollout: name, revision: hash, lines: max(1, lines))
            return LogsResponse(lines: tails.flatMap { tail in tail.lines.map { "[\(tail.revisionHash)/\(tail.index)] \($0)" } })
        }
    }

    /// One analysis run with all its measurements.
    public func analysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView {
        try await serving("get analysis run \(name)") {
            guard let record = try store.analysisRun(named: name) else {
                throw RuntimeServiceError.notFound("get analysis run \(name): no such analysis run; `turnout get rollout NAME` lists a rollout's runs")
            }
            return AnalysisRunView(name: record.name, role: record.role.label, run: record.run)
        }
    }

    /// Stops an analysis run, keeping its measurements, and looks at its rollout at once.
    public func terminateAnalysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView {
        try await serving("terminate analysis run \(name)") {
            guard let record = try store.analysisRun(named: name) else {
                throw RuntimeServiceError.notFound("terminate analysis run \(name): no such analysis run; `turnout get rollout NAME` lists a rollout's runs")
            }
            try await analysisRuns.terminate(name)
            await loop.wake(record.rollout)
            notifyWatchers(of: record.rollout)
            return try await analysisRun(named: name)
        }
    }

    /// Where every Service and the ingress listener accept traffic.
    public func listeners() async throws(RuntimeServiceError) -> [ListenerView] {
        await router.listeners()
    }

    // MARK: Building views

    /// The view of a rollout now.
    func view(ofRollout name: String) async throws -> RolloutView {
        var rollout = try existingRollout(name, for: "get")
        if let failure = reconcileErrors[name] {
            var status = rollout.status ?? RolloutStatus()
            status.message = [status.message, "reconcile failed: \(failure)"].compactMap { $0 }.joined(separator: "; ")
            rollout.status = status
        }
        let endpoints = await supervisor.endpoints(ofRollout: name)
        let revisions = try await supervisor.revisions(of: rollout).sorted { $0.number > $1.number }.map { revision in
            RevisionView(
                number: revision.number, hash: revision.hash,
                images: revision.template.spec.containers.compactMap(\.image),
                roles: Self.roles(of: revision.hash, in: rollout),
                replicas: revision.replicas, ready: revision.readyReplicas, available: revision.availableReplicas,
                scaleDownAt: revision.scaleDownAt?.rfc3339,
                processes: (endpoints.first { $0.revisionHash == revision.hash }?.endpoints ?? []).map { endpoint in
                    ReplicaView(index: endpoint.index, address: endpoint.address, pid: endpoint.pid, isReady: endpoint.isReady,
                                isTerminating: endpoint.isTerminating, restarts: endpoint.restartCount)
                }
            )
        }
        let runs = try store.analysisRuns(ofRollout: name).reversed().map { record in
            AnalysisRunView(name: record.name, role: record.role.label, run: record.run)
        }
        let services = try serviceNames(of: rollout)
        let listeners = await router.listeners().filter { listener in
            listener.name == "ingress" || services.contains(String(listener.name.dropFirst("service/".count)))
        }
        return RolloutView(rollout: rollout, revisions: revisions, traffic: try await router.observedTraffic(for: rollout), analysisRuns: runs, listeners: listeners)
    }

    /// The roles a revision plays: stable, canary, active, preview.
    static func roles(of hash: String, in rollout: Rollout) -> [String] {
        let status = rollout.status
        var roles: [String] = []
        if status?.stableRS == hash { roles.append("stable") }
        if rollout.spec.strategy?.blueGreen != nil {
            if status?.blueGreen?.activeSelector == hash { roles.append("active") }
            if status?.blueGreen?.previewSelector == hash, status?.blueGreen?.activeSelector != hash { roles.append("preview") }
        } else if status?.currentPodHash == hash, status?.stableRS != hash {
            roles.append("canary")
        }
        return roles
    }

    /// The Services a rollout names in its strategy and those whose selector matches its pods.
    func serviceNames(of rollout: Rollout) throws -> Set<String> {
        let strategy = rollout.spec.strategy
        let named = [strategy?.blueGreen?.activeService, strategy?.blueGreen?.previewService,
                     strategy?.canary?.stableService, strategy?.canary?.canaryService].compactMap { $0 }
        let labels = rollout.spec.template?.metadata?.labels ?? [:]
        let selecting = try store.objects(kind: "Service").compactMap { object -> ServiceDefinition? in
            guard case .other(let service) = object else { return nil }
            return ServiceDefinition(service)
        }.filter { service in
            !service.selector.isEmpty && service.selector.allSatisfy { labels[$0.key] == $0.value }
        }.map(\.name)
        return Set(named + selecting)
    }

    /// A rollout's row in `turnout list`.
    static func summary(_ rollout: Rollout) -> RolloutSummary {
        let status = rollout.status
        let steps = DeploymentWorkload.isRollingUpdate(rollout) ? nil : rollout.spec.strategy?.canary?.steps
        return RolloutSummary(
            name: rollout.name,
            strategy: DeploymentWorkload.strategyName(of: rollout),
            phase: (status?.phase ?? .progressing).rawValue,
            message: status?.message ?? "",
            step: steps == nil ? nil : status?.currentStepIndex,
            stepCount: steps?.count,
            replicas: rollout.spec.effectiveReplicas,
            available: status?.availableReplicas ?? 0,
            canaryWeight: status?.canary?.weights?.canary.weight ?? 0
        )
    }
}
