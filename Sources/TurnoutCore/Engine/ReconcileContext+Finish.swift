extension ReconcileContext {
    /// Turns the working state into a decision: counts, weights, phase, conditions, message, timers.
    mutating func finish() -> Decision {
        let previous = snapshot.rollout.status ?? RolloutStatus()
        recordCounts()
        recordWeights()
        recordTrafficVerification()
        recordTrafficTransitions(since: previous)
        assignRoles()
        let madeProgress = hasMadeProgress(since: previous)
        status.observedGeneration = snapshot.rollout.metadata.generation
        decidePhase(madeProgress: madeProgress)
        if status.phase != previous.phase {
            switch status.phase {
            case .healthy?: events.append(RolloutEvent(.completed, "rollout is healthy: revision \(revisionNumber(status.stableRS)) serves all traffic"))
            case .paused?, .progressing?, .degraded?, nil: break
            }
        }
        let requeue = wakeUps.filter { $0 > now }.min().map { $0.seconds(since: now) }
        return Decision(
            revisions: targets.sorted { $0.number < $1.number },
            revisionsToDelete: deletedRevisions,
            traffic: traffic,
            analysisRunsToStart: runsToStart,
            analysisRunsToTerminate: runsToTerminate,
            status: status,
            events: events,
            requeueAfter: requeue
        )
    }

    /// Events for traffic the data plane now serves differently from the last look: recorded once, on the
    /// transition the router reports, not on every look while it is asked for.
    mutating func recordTrafficTransitions(since previous: RolloutStatus) {
        guard let observedTraffic = snapshot.traffic else { return }
        if spec.strategy?.blueGreen != nil {
            if let before = previous.blueGreen?.activeSelector, let active = observedTraffic.stable, before != active {
                events.append(RolloutEvent(.activeSwitched, "active service switched to revision \(revisionNumber(active)) (was revision \(revisionNumber(before)))"))
            }
            return
        }
        guard spec.strategy?.canary?.trafficRouting != nil, let before = previous.canary?.weights?.canary.weight,
            let now = status.canary?.weights?.canary.weight, now != before
        else { return }
        events.append(RolloutEvent(.trafficWeightChanged, "canary weight is now \(now)% (was \(before)%)"))
    }

    /// The role of each revision: stable and canary, or active and preview, from what was decided.
    mutating func assignRoles() {
        let isBlueGreen = spec.strategy?.blueGreen != nil
        let primary = isBlueGreen ? (traffic?.stable ?? status.stableRS) : status.stableRS
        for index in targets.indices {
            let hash = targets[index].hash
            if hash == primary {
                targets[index].role = isBlueGreen ? .active : .stable
            } else if hash == desiredHash {
                targets[index].role = isBlueGreen ? .preview : .canary
            } else {
                targets[index].role = nil
            }
        }
    }

    /// Replica totals across revisions, as observed.
    mutating func recordCounts() {
        status.replicas = snapshot.revisions.reduce(0) { $0 + $1.replicas }
        status.readyReplicas = snapshot.revisions.reduce(0) { $0 + $1.readyReplicas }
        status.availableReplicas = snapshot.revisions.reduce(0) { $0 + $1.availableReplicas }
        status.updatedReplicas = observed(desiredHash)?.replicas ?? 0
        recordScaleSubresource()
    }

    /// `status.selector` and `status.HPAReplicas` for the scale subresource (Argo's rules): a canary counts every
    /// revision's pods under the rollout's selector; blue-green counts the active revision's pods under the
    /// selector narrowed to its hash.
    mutating func recordScaleSubresource() {
        let selector = spec.selector ?? LabelSelector(matchLabels: spec.template?.labels)
        if spec.strategy?.blueGreen != nil, let active = snapshot.traffic?.stable ?? status.stableRS, let revision = observed(active) {
            status.hpaReplicas = revision.replicas
            status.selector = selector.adding(label: TemplateDefaults.hashLabel, value: active).text
        } else {
            status.hpaReplicas = status.replicas
            status.selector = selector.text
        }
    }

    /// The `TrafficVerified` condition: `True` once the router reports the traffic this decision asks for in
    /// effect (a blue-green Service's EndpointSlices list only the intended revision's ready pods, a router reads
    /// back its weights), `False` while a move waits for that; none without traffic to route.
    mutating func recordTrafficVerification() {
        guard let traffic else {
            status.removeCondition(.trafficVerified)
            return
        }
        if isTrafficVerified(traffic) {
            status.setCondition(.trafficVerified, .true, reason: .trafficVerified, message: "the data plane serves the traffic asked for", at: now, isUpdate: false)
        } else {
            let weight = traffic.canaryWeight.map { " at \($0)%" } ?? ""
            status.setCondition(
                .trafficVerified, .false, reason: .trafficNotVerified,
                message: "waiting for the data plane to serve revision \(revisionNumber(traffic.stable)) as stable and revision \(revisionNumber(traffic.canary)) as canary\(weight)",
                at: now, isUpdate: false)
        }
    }

    /// The canary status weights, from what the data plane reports (or replica counts without a router).
    mutating func recordWeights() {
        guard let canaryStrategy = spec.strategy?.canary else {
            var blueGreen = status.blueGreen ?? BlueGreenStatus()
            blueGreen.activeSelector = snapshot.traffic?.stable
            blueGreen.previewSelector = snapshot.traffic?.canary
            status.blueGreen = blueGreen
            return
        }
        let maxWeight = canaryStrategy.maxTrafficWeight
        let stableHash = status.stableRS
        let canaryWeight: Int
        if desiredHash == stableHash {
            canaryWeight = 0
        } else if canaryStrategy.trafficRouting != nil {
            canaryWeight = snapshot.traffic?.canary == desiredHash ? (snapshot.traffic?.canaryWeight ?? 0) : 0
        } else {
            canaryWeight = actualCanaryWeight(
                canaryAvailable: observed(desiredHash)?.availableReplicas ?? 0,
                stableAvailable: observed(stableHash)?.availableReplicas ?? 0
            )
        }
        var canary = status.canary ?? CanaryStatus()
        canary.weights = TrafficWeights(
            canary: WeightDestination(weight: canaryWeight, podTemplateHash: desiredHash == stableHash ? nil : desiredHash),
            stable: WeightDestination(weight: maxWeight - canaryWeight, podTemplateHash: stableHash),
            verified: traffic.map(isTrafficVerified)
        )
        let routes = (traffic?.headerRoutes.map(\.name) ?? []) + (traffic?.mirrorRoutes.map(\.name) ?? [])
        canary.activeRoutes = routes.isEmpty ? nil : routes
        status.canary = canary
    }

    /// Whether anything moved since the last status: replicas asked or available, step, traffic in effect.
    func hasMadeProgress(since previous: RolloutStatus) -> Bool {
        let scaled = targets.contains { target in observed(target.hash)?.replicas != target.replicas }
        return scaled || previous.currentStepIndex != status.currentStepIndex
            || previous.availableReplicas != status.availableReplicas
            || previous.updatedReplicas != status.updatedReplicas
            || previous.currentPodHash != status.currentPodHash
            || previous.stableRS != status.stableRS
            || previous.canary?.weights?.canary != status.canary?.weights?.canary
            || previous.blueGreen?.activeSelector != status.blueGreen?.activeSelector
            || previous.blueGreen?.previewSelector != status.blueGreen?.previewSelector
    }

    /// Phase, conditions and message; applies the progress deadline.
    mutating func decidePhase(madeProgress: Bool) {
        let stableNumber = revisionNumber(status.stableRS)
        let available = observed(status.stableRS)?.availableReplicas ?? 0
        let isComplete = desiredHash == status.stableRS && waitingFor == nil
        status.setCondition(
            .available, available >= replicas ? .true : .false,
            reason: available >= replicas ? .availableReason : .notAvailable,
            message: available >= replicas ? "rollout has minimum availability" : "rollout does not have minimum availability",
            at: now, isUpdate: false
        )
        if status.isAborted {
            let reason = status.abortReason ?? "aborted by a user"
            status.phase = .degraded
            status.message = "RolloutAborted: rollout aborted update to revision \(revisionNumber(desiredHash)): \(reason)"
            // An abort the engine did not decide itself (a user's) is announced when it is first seen.
            let wasAborted = status.conditions?.contains { $0.type == .progressing && $0.reason == .rolloutAborted } ?? false
            if !wasAborted, !events.contains(where: { $0.reason == .aborted }) {
                events.append(RolloutEvent(.aborted, status.message ?? reason, isWarning: true))
            }
            status.setCondition(.progressing, .false, reason: .rolloutAborted, message: status.message ?? "", at: now, isUpdate: false)
            status.removeCondition(.paused)
            return
        }
        if spec.isPaused || !status.activePauseConditions.isEmpty {
            status.phase = .paused
            status.message = waitingFor ?? "paused"
            status.setCondition(.paused, .true, reason: .rolloutPaused, message: status.message ?? "", at: now, isUpdate: false)
            status.setCondition(.progressing, .unknown, reason: .rolloutPaused, message: "rollout is paused", at: now, isUpdate: false)
            return
        }
        status.removeCondition(.paused)
        if isComplete {
            status.phase = .healthy
            status.message = "revision \(stableNumber) is stable: \(available)/\(replicas) replicas available, all traffic"
            status.setCondition(.progressing, .true, reason: .newReplicaSetAvailable, message: "rollout has completed", at: now, isUpdate: madeProgress)
            status.setCondition(.healthy, .true, reason: .rolloutCompleted, message: "rollout is healthy", at: now, isUpdate: false)
            status.setCondition(.completed, .true, reason: .rolloutCompleted, message: "rollout completed update to revision \(stableNumber)", at: now, isUpdate: false)
            return
        }
        status.setCondition(.healthy, .false, reason: .replicaSetUpdated, message: "rollout is not healthy", at: now, isUpdate: false)
        status.setCondition(.completed, .false, reason: .replicaSetUpdated, message: "rollout is updating", at: now, isUpdate: false)
        let progressing = status.condition(.progressing)
        let deadline = Double(spec.effectiveProgressDeadlineSeconds)
        let wasStalled = progressing?.reason == .progressDeadlineExceeded
        if madeProgress || progressing == nil || progressing?.status == .unknown {
            status.setCondition(.progressing, .true, reason: .replicaSetUpdated, message: waitingFor ?? "updating", at: now)
        } else if let progressing, !wasStalled, now.seconds(since: progressing.lastUpdateTime) >= deadline {
            status.setCondition(.progressing, .false, reason: .progressDeadlineExceeded, message: "rollout made no progress for \(Int(deadline))s", at: now)
            events.append(RolloutEvent(.progressDeadlineExceeded, "rollout made no progress for \(Int(deadline))s", isWarning: true))
            // Only an update in flight is aborted (Argo): a revision that is already the stable one has nothing
            // to go back to.
            if spec.progressDeadlineAbort ?? false, desiredHash != status.stableRS {
                abort(because: "progress deadline of \(Int(deadline))s exceeded")
            }
        }
        if status.condition(.progressing)?.reason == .progressDeadlineExceeded {
            status.phase = .degraded
            status.message = "ProgressDeadlineExceeded: \(waitingFor ?? "no progress")"
            return
        }
        if let since = status.condition(.progressing)?.lastUpdateTime {
            wake(at: since.adding(seconds: deadline))
        }
        status.phase = .progressing
        status.message = waitingFor ?? "updating to revision \(revisionNumber(desiredHash))"
    }
}
