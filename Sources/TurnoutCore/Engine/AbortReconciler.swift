extension ReconcileContext {
    /// The update was aborted: traffic back to stable, the stable scaled back up within the strategy's limits,
    /// the new revision retired after `abortScaleDownDelaySeconds` (0: never).
    mutating func runAborted() {
        guard let stableHash = status.stableRS else { return }
        if let blueGreen = spec.strategy?.blueGreen {
            scale(stableHash, to: replicas)
            traffic = TrafficState(stable: stableHash, canary: blueGreen.previewService == nil ? nil : desiredHash)
            retireAfterAbort(desiredHash, delaySeconds: blueGreen.abortScaleDownDelaySeconds)
        } else if let canary = spec.strategy?.canary {
            if canary.trafficRouting == nil {
                abortReplicaRatioCanary(canary, stableHash: stableHash)
            } else if canary.dynamicStableScale == true {
                abortDynamicallyScaledCanary(canary, stableHash: stableHash)
            } else {
                scale(stableHash, to: replicas)
                traffic = TrafficState(stable: stableHash, canary: desiredHash, canaryWeight: 0)
                retireAfterAbort(desiredHash, delaySeconds: canary.abortScaleDownDelaySeconds)
            }
        }
        for revision in targets where revision.hash != stableHash && revision.hash != desiredHash && revision.replicas > 0 {
            scale(revision.hash, to: 0)
        }
        terminateRuns()
        status.currentStepIndex = 0
        status.pauseConditions = nil
        status.controllerPause = nil
    }

    /// Scales an aborted revision down once `delaySeconds` have passed since the abort (default 30);
    /// an explicit 0 keeps it running (Argo: "0 means not to scale down").
    mutating func retireAfterAbort(_ hash: String, delaySeconds: Int?, from start: Instant? = nil) {
        let delay = delaySeconds ?? 30
        guard delay > 0 else {
            if let index = targets.firstIndex(where: { $0.hash == hash }) { targets[index].scaleDownAt = nil }
            return
        }
        scaleDown(hash, at: (start ?? status.abortedAt ?? now).adding(seconds: Double(delay)))
    }

    /// A replica-ratio canary's pods are its traffic: scale back through the same surge-limited arithmetic as a
    /// step toward weight 0 (Argo's "honor maxUnavailable when aborting or reducing weight").
    mutating func abortReplicaRatioCanary(_ strategy: CanaryStrategy, stableHash: String) {
        let canary = observed(desiredHash)?.counts ?? .empty
        let stable = observed(stableHash)?.counts ?? .empty
        let budget = resolveSurgeAndUnavailable(maxSurge: strategy.maxSurge, maxUnavailable: strategy.maxUnavailable, replicas: replicas)
        let olderHashes = targets.map(\.hash).filter { $0 != stableHash && $0 != desiredHash }
        let older = olderHashes.map { observed($0)?.counts ?? .empty }
        let counts = basicCanaryReplicaCounts(replicas: replicas, weight: 0, budget: budget, canary: canary, stable: stable, older: older)
        scale(desiredHash, to: counts.canary)
        scale(stableHash, to: counts.stable)
        traffic = TrafficState(stable: stableHash, canary: desiredHash)
        if counts.canary > 0 || stable.available < replicas {
            wait(for: "scaling back to \(replicas) stable replicas (now \(canary.available) canary and \(stable.available) stable available)")
        }
    }

    /// With `dynamicStableScale` the stable comes back step by step as the canary's weight falls (Argo #4035),
    /// instead of surging to all replicas at once; the canary keeps the pods its observed weight still needs.
    mutating func abortDynamicallyScaledCanary(_ strategy: CanaryStrategy, stableHash: String) {
        let canary = observed(desiredHash)?.counts ?? .empty
        let stable = observed(stableHash)?.counts ?? .empty
        let maxWeight = strategy.maxTrafficWeight
        let observedWeight = snapshot.traffic?.canary == desiredHash ? snapshot.traffic?.canaryWeight : nil
        let delay = strategy.abortScaleDownDelaySeconds
        let stepWeight = dynamicAbortStepWeight(
            replicas: replicas, stepWeights: (strategy.steps ?? []).compactMap(\.setWeight), maxWeight: maxWeight,
            canaryAvailable: canary.available, stableAvailable: stable.available, hasExplicitDelay: (delay ?? 0) > 0)
        let routerWeight = dynamicAbortRouterWeight(
            replicas: replicas, stepWeight: stepWeight, maxWeight: maxWeight, stableAvailable: stable.available,
            observedCanaryWeight: observedWeight ?? (snapshot.traffic == nil ? nil : 0))
        let counts = trafficRoutedCanaryReplicaCounts(
            replicas: replicas, weight: stepWeight, maxWeight: maxWeight, dynamicStableScale: true,
            observedWeights: RoutedTrafficWeights(canary: observedWeight ?? 0, stable: maxWeight - (observedWeight ?? 0)),
            isAborted: true, minPodsPerReplicaSet: strategy.minPodsPerReplicaSet)
        scale(stableHash, to: counts.stable)
        traffic = TrafficState(stable: stableHash, canary: desiredHash, canaryWeight: routerWeight)
        let isBack = (observedWeight ?? 0) == 0 && stable.available >= replicas
        switch delay {
        case nil:
            scale(desiredHash, to: counts.canary)
        case let seconds? where seconds <= 0:
            break
        case let seconds?:
            // An explicit delay keeps the canary whole until the stable carries everything, then starts counting.
            if isBack { retireAfterAbort(desiredHash, delaySeconds: seconds, from: now) }
        }
        if !isBack {
            wait(for: "moving traffic back to the stable revision as its replicas become available (canary weight \(observedWeight ?? 0)%, \(stable.available)/\(replicas) stable available)")
        }
    }
}
