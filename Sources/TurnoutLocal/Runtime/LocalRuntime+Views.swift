import TurnoutCore
import TurnoutService

extension LocalRuntime {
    /// One summary per rollout, by name.
    public func rollouts() async throws(RuntimeServiceError) -> [RolloutSummary] {
        try await serving("list rollouts") {
            try store.rollouts().map(RolloutSummary.init)
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

    // MARK: Gathering views

    /// The view of a rollout now: gathers what the store, the supervisor and the router observe, and builds the
    /// view from it with `RolloutView(rollout:reconcileFailure:...)`.
    func view(ofRollout name: String) async throws -> RolloutView {
        let rollout = try existingRollout(name, for: "get")
        let endpoints = await supervisor.endpoints(ofRollout: name)
        var replicas: [String: [ReplicaView]] = [:]
        for revision in endpoints {
            replicas[revision.revisionHash, default: []] += revision.endpoints.map { endpoint in
                ReplicaView(kind: .process, index: endpoint.index, address: endpoint.address, pid: endpoint.pid, isReady: endpoint.isReady,
                            isTerminating: endpoint.isTerminating, restarts: endpoint.restartCount)
            }
        }
        let services = try store.objects(kind: "Service").compactMap { object -> KubernetesObject? in
            if case .other(let service) = object { return service } else { return nil }
        }
        return RolloutView(
            rollout: rollout, reconcileFailure: reconcileErrors[name],
            revisions: try await supervisor.revisions(of: rollout), replicas: replicas,
            traffic: try await router.observedTraffic(for: rollout),
            analysisRuns: try store.analysisRuns(ofRollout: name).reversed().map { record in
                AnalysisRunView(name: record.name, role: record.role.label, run: record.run)
            },
            services: services, listeners: await router.listeners()
        )
    }
}
