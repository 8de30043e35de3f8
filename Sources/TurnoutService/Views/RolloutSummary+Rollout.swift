import TurnoutCore

extension RolloutSummary {
    /// A rollout's row in `turnout list`, from its spec and status. Pure.
    public init(_ rollout: Rollout) {
        let status = rollout.status
        let steps = WorkloadSource.isRollingUpdate(rollout) ? nil : rollout.spec.strategy?.canary?.steps
        self.init(
            name: rollout.name,
            strategy: WorkloadSource.strategyName(of: rollout),
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
