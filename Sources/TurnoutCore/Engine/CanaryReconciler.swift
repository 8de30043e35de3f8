extension ReconcileContext {
    /// Canary: run the steps in order, each only counted done once replicas and the data plane confirm it.
    mutating func runCanary(_ strategy: CanaryStrategy) {
        guard let stableHash = status.stableRS else { return }
        // A status behind the data plane (a stale snapshot): the router already serves the desired revision as
        // stable, which only a promotion this status has not seen asked for. Acting on it would move the stable
        // pin back and take the promoted traffic away, so traffic and replicas are held until a current status.
        // Safe because the driver saves the status before it moves traffic: a promoted pin implies a saved promotion.
        if strategy.trafficRouting != nil, stableHash != desiredHash, snapshot.traffic?.stable == desiredHash {
            wait(for: "holding traffic and replicas: the traffic router already serves revision \(revisionNumber(desiredHash)) as stable, which this status has not recorded yet")
            return
        }
        let steps = strategy.steps ?? []
        let isFastTrack = status.promoteFull ?? false
        var index = isFastTrack ? steps.count : min(max(0, status.currentStepIndex ?? 0), steps.count)
        status.currentStepIndex = index
        var canaryStatus = status.canary ?? CanaryStatus()
        defer { status.canary = canaryStatus }

        while true {
            let plan = CanaryStepPlan(steps: steps, index: index, maxWeight: strategy.maxTrafficWeight)
            let isAtTarget = applyCanaryPlan(plan, strategy: strategy, stableHash: stableHash)
            if let background = strategy.analysis, !isFastTrack, index >= (background.startingStep ?? 0) {
                let run = ensureAnalysisRun(.background, background.analysis)
                canaryStatus.currentBackgroundAnalysisRunStatus = RolloutAnalysisRunStatus(name: run.name, status: run.phase, message: run.message)
                guard judgeBackground(run) else { return }
            }
            guard index < steps.count else {
                completeCanary(strategy, stableHash: stableHash, isAtTarget: isAtTarget)
                return
            }
            guard isStepDone(steps[index], at: index, isAtTarget: isAtTarget, canaryStatus: &canaryStatus) else { return }
            clearEnginePause()
            events.append(RolloutEvent(.stepCompleted, "completed step \(index + 1)/\(steps.count) (\(steps[index].actionNames.joined(separator: ", ")))"))
            if snapshot.traffic?.routesRequests == false {
                let routes = [steps[index].setHeaderRoute?.name, steps[index].setMirrorRoute?.name].compactMap { $0 }
                if !routes.isEmpty {
                    events.append(RolloutEvent(.stepSkipped, "step \(index + 1): route \(routes.joined(separator: ", ")) not installed: this runtime routes no requests by header or mirror", isWarning: true))
                }
            }
            index += 1
            status.currentStepIndex = index
        }
    }

    /// Sets replicas and traffic for a plan; returns whether replicas and traffic are where the plan wants them.
    mutating func applyCanaryPlan(_ plan: CanaryStepPlan, strategy: CanaryStrategy, stableHash: String) -> Bool {
        let canary = observed(desiredHash)?.counts ?? .empty
        let stable = observed(stableHash)?.counts
        let budget = resolveSurgeAndUnavailable(maxSurge: strategy.maxSurge, maxUnavailable: strategy.maxUnavailable, replicas: replicas)
        let olderHashes = targets.map(\.hash).filter { $0 != stableHash && $0 != desiredHash }
        guard strategy.trafficRouting != nil else {
            let older = olderHashes.map { observed($0)?.counts ?? .empty }
            let counts = basicCanaryReplicaCounts(replicas: replicas, weight: plan.weight, budget: budget, canary: canary, stable: stable, older: older)
            scale(desiredHash, to: counts.canary)
            scale(stableHash, to: counts.stable)
            let olderCounts = olderRevisionReplicaCounts(older: older, canary: canary, stable: stable, replicas: replicas, budget: budget)
            for (hash, count) in zip(olderHashes, olderCounts) { scale(hash, to: count) }
            traffic = TrafficState(stable: stableHash, canary: desiredHash)
            let goal = replicaRatioSplit(replicas: replicas, weight: plan.weight, surge: budget.surge)
            let isAtGoal = canary.desired == goal.canary && canary.available >= goal.canary
                && (stable?.desired ?? 0) == goal.stable && olderCounts.allSatisfy { $0 == 0 }
            if !isAtGoal {
                wait(for: "scaling to \(goal.canary) canary and \(goal.stable) stable replicas for weight \(plan.weight)% (now \(canary.available) and \(stable?.available ?? 0) available)")
            }
            return isAtGoal
        }
        retireOthers(keeping: [stableHash, desiredHash])
        let observedWeight = snapshot.traffic?.canary == desiredHash ? (snapshot.traffic?.canaryWeight ?? 0) : 0
        let counts = trafficRoutedCanaryReplicaCounts(
            replicas: replicas, weight: plan.weight, maxWeight: strategy.maxTrafficWeight, canaryScale: plan.canaryScale,
            dynamicStableScale: strategy.dynamicStableScale ?? false,
            observedWeights: RoutedTrafficWeights(canary: observedWeight, stable: strategy.maxTrafficWeight - observedWeight),
            minPodsPerReplicaSet: strategy.minPodsPerReplicaSet
        )
        scale(desiredHash, to: counts.canary)
        scale(stableHash, to: counts.stable)
        // Raise the canary's weight only once it has the replicas to carry it; lowering is always safe.
        let neededForWeight = trafficWeightToReplicas(replicas: replicas, weight: plan.weight, maxWeight: strategy.maxTrafficWeight)
        let canCarry = canary.available >= min(neededForWeight, max(counts.canary, 1)) && canary.available > 0
        var weight = plan.weight <= observedWeight || canCarry ? plan.weight : observedWeight
        // A confirmed weight is lowered only once this status has seen it: a status behind the data plane
        // (a stale snapshot) must not take back traffic the canary already carries. Aborts lower it elsewhere.
        let recorded = status.canary?.weights?.canary
        let isStatusBehind = recorded?.podTemplateHash != desiredHash || (recorded?.weight ?? 0) < observedWeight
        if weight < observedWeight && isStatusBehind { weight = observedWeight }
        let wanted = TrafficState(stable: stableHash, canary: desiredHash, canaryWeight: weight, headerRoutes: plan.headerRoutes, mirrorRoutes: plan.mirrorRoutes)
        let staged = stagedTraffic(toward: wanted)
        traffic = staged
        let replicasReady = canary.desired == counts.canary && canary.available >= counts.canary
            && (stable?.desired ?? 0) == counts.stable && (stable?.available ?? 0) >= counts.stable
        if !replicasReady {
            wait(for: "waiting for \(counts.canary) canary and \(counts.stable) stable replicas to be available (now \(canary.available) and \(stable?.available ?? 0))")
        } else if staged != wanted {
            wait(for: "waiting for the canary service to select revision \(revisionNumber(desiredHash)) before the weight changes (holding \(observedWeight)%)")
        } else if weight != plan.weight && weight > plan.weight {
            wait(for: "holding canary weight \(weight)% until the status records it, then lowering it to \(plan.weight)%")
        } else if weight != plan.weight {
            wait(for: "waiting for canary replicas before raising the weight to \(plan.weight)%")
        } else if !isTrafficVerified(wanted) {
            wait(for: "waiting for the traffic router to report canary weight \(weight)% in effect (reports \(observedWeight)%)")
        }
        return replicasReady && weight == plan.weight && isTrafficVerified(wanted)
    }

    /// Whether the step at `index` is done, starting what it needs.
    mutating func isStepDone(_ step: CanaryStep, at index: Int, isAtTarget: Bool, canaryStatus: inout CanaryStatus) -> Bool {
        if step.setWeight != nil || step.setCanaryScale != nil || step.setHeaderRoute != nil || step.setMirrorRoute != nil {
            if !isAtTarget { return false }
        }
        if let pause = step.pause {
            if status.controllerPause == true && status.activePauseConditions.isEmpty { return true }
            let condition = pauseCondition(.canaryPauseStep)
            guard let duration = pause.duration else {
                wait(for: "paused at step \(index + 1); run `turnout promote \(name)` to continue")
                return false
            }
            let due = condition.startTime.adding(seconds: duration.seconds)
            if due <= now { return true }
            wake(at: due)
            wait(for: "paused at step \(index + 1) for \(duration.displayText); continuing in \(Int(due.seconds(since: now).rounded(.up)))s")
            return false
        }
        if let analysis = step.analysis {
            let run = ensureAnalysisRun(.step(index), analysis)
            canaryStatus.currentStepAnalysisRunStatus = RolloutAnalysisRunStatus(name: run.name, status: run.phase, message: run.message)
            return judge(run, role: "analysis step \(index + 1)")
        }
        if step.experiment != nil || step.plugin != nil {
            events.append(RolloutEvent(.stepSkipped, "step \(index + 1) (\(step.actionNames.joined(separator: ", "))) is not run by Turnout; skipped", isWarning: true))
        }
        return true
    }

    /// A background run stops the update only when it fails, errors or is inconclusive.
    mutating func judgeBackground(_ run: AnalysisRunState) -> Bool {
        switch run.phase {
        case .pending, .running, .successful:
            return true
        case .failed, .error, .inconclusive:
            return judge(run, role: "background analysis")
        }
    }

    /// After the last step: full canary, all traffic to it, then it becomes stable.
    mutating func completeCanary(_ strategy: CanaryStrategy, stableHash: String, isAtTarget: Bool) {
        guard isAtTarget else { return }
        let delay = strategy.trafficRouting == nil ? 0 : strategy.effectiveScaleDownDelaySeconds
        promote(previous: stableHash, scaleDownDelay: delay)
    }
}
