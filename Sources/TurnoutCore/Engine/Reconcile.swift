/// Decides what one rollout needs next. Pure: same snapshot, same decision.
public func reconcile(_ snapshot: RolloutSnapshot, now: Instant) -> Decision {
    let spec = snapshot.rollout.spec
    guard let template = spec.template else {
        return invalidSpecDecision(snapshot, now: now, message: "spec.template is required")
    }
    let strategy = spec.strategy
    if strategy?.blueGreen != nil && strategy?.canary != nil {
        return invalidSpecDecision(snapshot, now: now, message: "spec.strategy sets both blueGreen and canary; choose one")
    }
    if strategy?.blueGreen == nil && strategy?.canary == nil {
        return invalidSpecDecision(snapshot, now: now, message: "spec.strategy needs blueGreen or canary")
    }
    var context = ReconcileContext(snapshot: snapshot, template: template, now: now)
    context.startUpdateIfTemplateChanged(template)
    context.run()
    return context.finish()
}

extension ReconcileContext {
    /// Resets per-update status when the template names a revision other than the last one worked on.
    mutating func startUpdateIfTemplateChanged(_ template: PodTemplate) {
        let previousStable = observed(status.stableRS)
        if target(desiredHash) == nil {
            let number = (targets.map(\.number).max() ?? 0) + 1
            targets.append(RevisionTarget(hash: desiredHash, number: number, template: template, replicas: 0))
            events.append(RolloutEvent(.revisionCreated, "created revision \(number) (\(desiredHash))"))
        }
        guard status.currentPodHash != desiredHash else { return }
        let isFirstUpdate = status.currentPodHash == nil
        status.currentPodHash = desiredHash
        status.currentStepIndex = 0
        status.pauseConditions = nil
        status.controllerPause = nil
        status.abort = nil
        status.abortedAt = nil
        status.abortReason = nil
        status.promoteFull = nil
        status.blueGreen?.scaleUpPreviewCheckPoint = nil
        if isFirstUpdate && status.stableRS == nil { return }
        // Going back to an older revision: bump its number, and fast-track it when the spec allows.
        if let existing = observed(desiredHash), let stable = previousStable, existing.number < stable.number {
            let newest = (targets.map(\.number).max() ?? 0) + 1
            if let index = targets.firstIndex(where: { $0.hash == desiredHash }) { targets[index].number = newest }
            let window = spec.rollbackWindow?.revisions ?? 0
            let recent = snapshot.revisions.map(\.number).sorted(by: >).prefix(window + 1)
            let isWithinWindow = window > 0 && recent.contains(existing.number)
            let isStillRunning = spec.strategy?.blueGreen != nil && existing.availableReplicas >= replicas
            if isWithinWindow || isStillRunning {
                status.promoteFull = true
            }
        }
    }

    /// Runs the strategy for the current state.
    mutating func run() {
        if status.stableRS == nil {
            // First deploy: the template becomes stable at once and the strategy is not used.
            status.stableRS = desiredHash
        }
        if desiredHash == status.stableRS {
            runSteadyState()
        } else if status.isAborted {
            runAborted()
        } else if spec.isPaused {
            holdForUserPause()
        } else if let blueGreen = spec.strategy?.blueGreen {
            runBlueGreen(blueGreen)
        } else if let canary = spec.strategy?.canary {
            runCanary(canary)
        }
        applyRestart()
        pruneHistory()
    }

    /// The desired revision is stable: keep it full, route everything to it, retire the rest.
    mutating func runSteadyState() {
        let stableHash = desiredHash
        scale(stableHash, to: replicas)
        let delay = Double(spec.strategy?.blueGreen?.effectiveAbortScaleDownDelaySeconds
            ?? (spec.strategy?.canary?.trafficRouting != nil ? spec.strategy?.canary?.effectiveAbortScaleDownDelaySeconds ?? 30 : 0))
        for revision in targets where revision.hash != stableHash && revision.replicas > 0 {
            scaleDown(revision.hash, at: now.adding(seconds: delay))
        }
        let wanted: TrafficState
        if spec.strategy?.blueGreen != nil {
            wanted = TrafficState(stable: stableHash, canary: spec.strategy?.blueGreen?.previewService == nil ? nil : stableHash)
        } else {
            let isRouted = spec.strategy?.canary?.trafficRouting != nil
            wanted = TrafficState(stable: stableHash, canary: stableHash, canaryWeight: isRouted ? 0 : nil)
        }
        traffic = stagedTraffic(toward: wanted)
        terminateRuns()
        status.currentStepIndex = spec.strategy?.canary?.steps?.count
        status.pauseConditions = nil
        status.controllerPause = nil
        status.promoteFull = nil
        let available = observed(stableHash)?.availableReplicas ?? 0
        if available < replicas {
            wait(for: "waiting for \(replicas - available) of \(replicas) replicas of revision \(revisionNumber(stableHash)) to become available")
        } else if !isTrafficVerified(wanted) {
            wait(for: "waiting for the traffic router to send all traffic to revision \(revisionNumber(stableHash))")
        }
    }

    /// The user paused the rollout: hold replicas and traffic where they are.
    mutating func holdForUserPause() {
        wait(for: "paused by a user; resume to continue")
    }

    /// Starts pod restarts for `spec.restartAt` and records it when every running revision has finished.
    mutating func applyRestart() {
        guard let restartAt = spec.restartAt, restartAt != status.restartedAt else { return }
        var isDone = true
        for index in targets.indices where targets[index].replicas > 0 {
            targets[index].restartAt = restartAt
            if observed(targets[index].hash)?.restartedAt != restartAt { isDone = false }
        }
        if isDone {
            status.restartedAt = restartAt
        } else {
            wait(for: "restarting replicas created before \(restartAt)")
        }
    }

    /// Deletes scaled-down revisions beyond `revisionHistoryLimit`, oldest first.
    mutating func pruneHistory() {
        let keep: Set<String> = [desiredHash, status.stableRS ?? ""]
        let idle = targets
            .filter { !keep.contains($0.hash) && $0.replicas == 0 && $0.scaleDownAt == nil && (observed($0.hash)?.replicas ?? 0) == 0 }
            .sorted { $0.number > $1.number }
        for revision in idle.dropFirst(spec.effectiveRevisionHistoryLimit) {
            targets.removeAll { $0.hash == revision.hash }
            deletedRevisions.append(revision.hash)
        }
    }

    /// The number of a revision, for messages.
    func revisionNumber(_ hash: String?) -> Int {
        targets.first { $0.hash == hash }?.number ?? 0
    }
}

/// A decision that changes nothing but reports why the spec cannot be acted on.
func invalidSpecDecision(_ snapshot: RolloutSnapshot, now: Instant, message: String) -> Decision {
    var status = snapshot.rollout.status ?? RolloutStatus()
    status.phase = .degraded
    status.message = "InvalidSpec: \(message)"
    status.setCondition(.invalidSpec, .true, reason: .invalidSpec, message: message, at: now)
    let revisions = snapshot.revisions.map {
        RevisionTarget(hash: $0.hash, number: $0.number, template: $0.template, replicas: $0.replicas, scaleDownAt: $0.scaleDownAt)
    }
    return Decision(revisions: revisions, traffic: nil, status: status)
}
