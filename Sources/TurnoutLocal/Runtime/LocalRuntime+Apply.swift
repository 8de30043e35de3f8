import TurnoutCore
import TurnoutService

extension LocalRuntime {
    /// Lints every file together and applies every object in one transaction; any lint error rejects all of it.
    public func apply(_ request: ApplyRequest) async throws(RuntimeServiceError) -> ApplyResponse {
        try await serving("apply") {
            // Linted as written; then Deployments and ReplicaSets run as Rollouts with a rolling update.
            var workloads: (documents: [ManifestDocument], diagnostics: [Diagnostic]) = ([], [])
            let linted = try LintedManifests(texts: request.files.map { (file: $0.file, text: $0.manifest) }) { set in
                workloads = DeploymentWorkload.translate(set.documents)
                return workloads.diagnostics + Self.workloadReferences(in: set.documents) + (try takeovers(in: workloads.documents))
            }
            var set = linted.set
            let diagnostics = linted.diagnostics
            let errors = linted.errors
            guard errors.isEmpty else {
                throw RuntimeServiceError.invalidManifest(
                    "apply rejected: \(errors.count) error(s) in \(Set(errors.map(\.location.file)).sorted().joined(separator: ", ")); nothing was changed",
                    diagnostics: diagnostics)
            }
            set.documents = workloads.documents
            guard !set.documents.isEmpty else {
                throw RuntimeServiceError.invalidRequest("apply: the files hold no objects")
            }
            // AnalysisRuns applied on their own are started as runs; everything else is stored in one transaction.
            let runs = set.documents.compactMap { document -> AnalysisRun? in
                if case .analysisRun(let run) = document.object { return run } else { return nil }
            }
            let objects = set.documents.map(\.object).filter { if case .analysisRun = $0 { return false } else { return true } }
            var outcomes: [ApplyOutcome] = objects.isEmpty ? [] : try store.apply(objects)
            for (index, object) in objects.enumerated() {
                if case .rollout(let rollout) = object { outcomes[index].kind = DeploymentWorkload.sourceKind(of: rollout) }
            }
            for run in runs {
                let name = run.metadata.name ?? ""
                let isNew = try store.analysisRun(named: name) == nil
                try await analysisRuns.startStandalone(run)
                outcomes.append(ApplyOutcome(kind: "AnalysisRun", name: name, result: isNew ? .created : .unchanged, generation: 1))
            }
            try await router.resync()
            await loop.wake(nil)
            for outcome in outcomes where outcome.kind == "Rollout" || DeploymentWorkload.kinds.contains(outcome.kind) {
                notifyWatchers(of: outcome.name)
            }
            return ApplyResponse(
                outcomes: outcomes.map { AppliedObject(kind: $0.kind, name: $0.name, result: $0.result.rawValue) },
                warnings: diagnostics,
                listeners: await router.listeners()
            )
        }
    }

    /// Errors for rollouts with `workloadRef`: the single-host runtime runs the Deployment itself instead.
    public static func workloadReferences(in documents: [ManifestDocument]) -> [Diagnostic] {
        documents.compactMap { document in
            guard case .rollout(let rollout) = document.object, rollout.spec.workloadRef != nil else { return nil }
            return Diagnostic(
                severity: .error, location: document.fieldLocations.key("spec.workloadRef"), path: ["spec", "workloadRef"],
                message: "the single-host runtime does not resolve workloadRef (a cluster's controller does)",
                fix: "apply the Deployment itself (it runs as a rollout with a rolling update), or copy its pod template into spec.template")
        }
    }

    /// Warnings for workloads applied under the name of one of another kind (a Deployment over a Rollout, ...):
    /// they share one workload, as in Argo's migration from a Deployment.
    private func takeovers(in documents: [ManifestDocument]) throws -> [Diagnostic] {
        try documents.compactMap { document -> Diagnostic? in
            guard case .rollout(let rollout) = document.object, let existing = try store.rollout(named: rollout.name) else { return nil }
            let (kind, existingKind) = (DeploymentWorkload.sourceKind(of: rollout), DeploymentWorkload.sourceKind(of: existing))
            guard kind != existingKind else { return nil }
            return Diagnostic(severity: .warning, location: document.fieldLocations.value("metadata.name"), path: ["metadata", "name"],
                              message: "\(kind) \(rollout.name) takes over \(existingKind) \(rollout.name): one workload, whose replicas roll to this template",
                              fix: "give it another name to run both")
        }
    }

    /// Deletes an object by kind (case-insensitive, plural and short names accepted) and name.
    /// A Deployment or ReplicaSet is deleted like the Rollout it runs as.
    ///
    /// A deleted Rollout's analysis runs are terminated and its replicas drained and stopped; its runtime state
    /// is forgotten once they are gone.
    public func delete(kind: String, name: String) async throws(RuntimeServiceError) -> DeleteResponse {
        let kind = ObjectKind.canonical(kind)
        return try await serving("delete \(kind)/\(name)") {
            guard kind == "Rollout" || DeploymentWorkload.kinds.contains(kind) else {
                guard try store.delete(kind: kind, name: name) else {
                    throw RuntimeServiceError.notFound("delete \(kind)/\(name): no such object")
                }
                try await router.resync()
                await loop.wake(nil)
                return DeleteResponse(kind: kind, name: name)
            }
            if kind != "Rollout", try store.rollout(named: name).map(DeploymentWorkload.sourceKind(of:)) != kind {
                throw RuntimeServiceError.notFound("delete \(kind)/\(name): no such object")
            }
            try await rolloutGate.run { try await self.deleteRollout(named: name) }
            return DeleteResponse(kind: kind, name: name)
        }
    }

    /// Deletes a rollout, terminates its analysis runs, stops its replicas and its routes; between reconciles.
    private func deleteRollout(named name: String) async throws {
        let rollout = try existingRollout(name, for: "delete")
        try store.delete(kind: "Rollout", name: name)
        let hashes = try store.revisionTargets(forRollout: name).map(\.hash)
        for run in try store.analysisRuns(ofRollout: name) where !run.isTerminated {
            try await analysisRuns.terminate(run.name)
        }
        try await supervisor.apply([], deleting: hashes, for: rollout)
        try store.saveDesiredTraffic(nil, forRollout: name)
        try await router.resync()
        notifyWatchers(of: name)
        background.append(Task { await self.forgetWhenStopped(name) })
    }

    /// Forgets a deleted rollout's runtime state once its replicas are gone, unless it was applied again meanwhile.
    private func forgetWhenStopped(_ name: String) async {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(configuration.drainTimeoutSeconds + 120)
        while clock.now < deadline, !Task.isCancelled, !(await supervisor.endpoints(ofRollout: name).isEmpty) {
            try? await Task.sleep(for: .milliseconds(100))
        }
        guard !Task.isCancelled, (try? store.rollout(named: name)) == nil else { return }
        do {
            try store.purgeRuntimeState(ofRollout: name)
        } catch {
            logger.error("forget deleted rollout: \(error)", metadata: ["rollout.name": "\(name)"])
        }
    }
}
