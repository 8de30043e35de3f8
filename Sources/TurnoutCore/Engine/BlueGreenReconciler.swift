extension ReconcileContext {
    /// Blue-green: preview the new revision, analyse, pause, scale up, switch active, analyse, retire the old.
    mutating func runBlueGreen(_ strategy: BlueGreenStrategy) {
        guard let stableHash = status.stableRS else { return }
        var blueGreenStatus = status.blueGreen ?? BlueGreenStatus()
        defer { status.blueGreen = blueGreenStatus }
        let isFastTrack = status.promoteFull ?? false
        let previewHash: String? = strategy.previewService == nil ? nil : desiredHash
        let previewCount = min(replicas, strategy.previewReplicaCount ?? replicas)
        let isScaledUpForSwitch = (blueGreenStatus.scaleUpPreviewCheckPoint ?? false) || isFastTrack
        let desiredCount = isScaledUpForSwitch ? replicas : previewCount

        scale(stableHash, to: replicas)
        scale(desiredHash, to: desiredCount)
        retireOthers(keeping: [stableHash, desiredHash])
        let available = observed(desiredHash)?.availableReplicas ?? 0

        if !isScaledUpForSwitch {
            let preview = TrafficState(stable: stableHash, canary: previewHash)
            traffic = preview
            guard available >= desiredCount else {
                wait(for: "waiting for \(desiredCount - available) of \(desiredCount) replicas of revision \(revisionNumber(desiredHash)) to become available")
                return
            }
            guard isTrafficVerified(preview) else {
                wait(for: "waiting for the preview service to select revision \(revisionNumber(desiredHash))")
                return
            }
            if let analysis = strategy.prePromotionAnalysis {
                let run = ensureAnalysisRun(.prePromotion, analysis)
                blueGreenStatus.prePromotionAnalysisRunStatus = RolloutAnalysisRunStatus(name: run.name, status: run.phase, message: run.message)
                guard judge(run, role: "pre-promotion analysis") else { return }
            }
            guard passBlueGreenPause(strategy) else { return }
            clearEnginePause()
            blueGreenStatus.scaleUpPreviewCheckPoint = true
            scale(desiredHash, to: replicas)
        }
        guard available >= replicas else {
            traffic = TrafficState(stable: stableHash, canary: previewHash)
            wait(for: "waiting for \(replicas - available) of \(replicas) replicas of revision \(revisionNumber(desiredHash)) to become available before the switch")
            return
        }

        // Switch active to the new revision, and only count it once the router confirms.
        let wanted = TrafficState(stable: desiredHash, canary: previewHash)
        traffic = wanted
        guard isTrafficVerified(wanted) else {
            wait(for: "waiting for the active service to select revision \(revisionNumber(desiredHash))")
            return
        }
        if let analysis = strategy.postPromotionAnalysis, !isFastTrack {
            let run = ensureAnalysisRun(.postPromotion, analysis)
            blueGreenStatus.postPromotionAnalysisRunStatus = RolloutAnalysisRunStatus(name: run.name, status: run.phase, message: run.message)
            guard judge(run, role: "post-promotion analysis") else {
                if status.isAborted {
                    traffic = TrafficState(stable: stableHash, canary: previewHash)
                }
                return
            }
        }
        promote(previous: stableHash, scaleDownDelay: strategy.effectiveScaleDownDelaySeconds)
    }

    /// Whether the blue-green pause before the switch is over (auto-promotion, seconds, or a person).
    mutating func passBlueGreenPause(_ strategy: BlueGreenStrategy) -> Bool {
        let seconds = strategy.autoPromotionSeconds ?? 0
        if strategy.isAutoPromotionEnabled && seconds <= 0 { return true }
        if status.controllerPause == true && status.activePauseConditions.isEmpty { return true }
        let condition = pauseCondition(.blueGreenPause)
        if strategy.isAutoPromotionEnabled {
            let due = condition.startTime.adding(seconds: Double(seconds))
            if due <= now { return true }
            wake(at: due)
            wait(for: "paused before the switch; promoting automatically in \(Int(due.seconds(since: now).rounded(.up)))s")
        } else {
            wait(for: "paused before the switch; run `turnout promote \(name)` to switch traffic to revision \(revisionNumber(desiredHash))")
        }
        return false
    }

    /// The pause condition with a reason, added now when missing.
    mutating func pauseCondition(_ reason: PauseReason) -> PauseCondition {
        if let existing = status.activePauseConditions.first(where: { $0.reason == reason }) {
            return existing
        }
        let condition = PauseCondition(reason: reason, startTime: now)
        status.pauseConditions = status.activePauseConditions + [condition]
        status.controllerPause = true
        events.append(RolloutEvent(.paused, "paused (\(reason.rawValue))"))
        return condition
    }

    /// Ends an engine pause that has run its course.
    mutating func clearEnginePause() {
        status.pauseConditions = nil
        status.controllerPause = nil
    }

    /// Whether a run lets the update go on; aborts on failure and pauses when inconclusive.
    mutating func judge(_ run: AnalysisRunState, role: String) -> Bool {
        switch run.phase {
        case .successful:
            return true
        case .pending, .running:
            wait(for: "waiting for \(role) \(run.name)")
            return false
        case .failed, .error:
            abort(because: "\(role) \(run.name) \(run.phase.rawValue.lowercased())\(run.message.map { ": \($0)" } ?? "")")
            return false
        case .inconclusive:
            if status.controllerPause == true && status.activePauseConditions.isEmpty { return true }
            _ = pauseCondition(.inconclusiveAnalysis)
            wait(for: "\(role) \(run.name) was inconclusive; promote to go on or abort to roll back")
            return false
        }
    }

    /// Makes the desired revision stable and schedules the previous one's scale-down.
    mutating func promote(previous: String, scaleDownDelay: Int) {
        status.stableRS = desiredHash
        clearEnginePause()
        scaleDown(previous, at: now.adding(seconds: Double(scaleDownDelay)))
        events.append(RolloutEvent(.revisionPromoted, "revision \(revisionNumber(desiredHash)) is now stable"))
        runSteadyState()
    }

    /// Scales every revision other than `kept` to zero, honouring scale-down deadlines already set.
    mutating func retireOthers(keeping kept: Set<String>) {
        for revision in targets where !kept.contains(revision.hash) && revision.replicas > 0 {
            if revision.scaleDownAt != nil {
                scaleDown(revision.hash, at: revision.scaleDownAt ?? now)
            } else {
                scale(revision.hash, to: 0)
            }
        }
    }
}
