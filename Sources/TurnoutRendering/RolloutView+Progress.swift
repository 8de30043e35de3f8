import TurnoutCore
import TurnoutService

extension RolloutView {
    /// `Canary`, `BlueGreen`, or `RollingUpdate` for a Deployment or ReplicaSet.
    public var strategyName: String {
        let name = WorkloadSource.strategyName(of: rollout)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// Whether this is a Deployment or ReplicaSet, run as a rolling update without steps or weights.
    public var isRollingUpdate: Bool { WorkloadSource.isRollingUpdate(rollout) }

    /// The kind the workload was applied as: `Rollout`, `Deployment` or `ReplicaSet`.
    public var kind: String { WorkloadSource.kind(of: rollout) }

    /// Whether the rollout uses the blue-green strategy.
    public var isBlueGreen: Bool { rollout.spec.strategy?.blueGreen != nil }

    /// The canary steps, empty for blue-green or a canary without steps.
    public var steps: [CanaryStep] { rollout.spec.strategy?.canary?.steps ?? [] }

    /// `done/total` for a canary with steps; `nil` otherwise.
    public var stepProgress: String? {
        guard !isBlueGreen, !steps.isEmpty else { return nil }
        let index = min(rollout.status?.currentStepIndex ?? 0, steps.count)
        return "\(index)/\(steps.count)"
    }

    /// The weight the steps ask for now, as Argo computes it: 100 after the last step, 0 when aborted,
    /// else the latest `setWeight` at or before the current step.
    public var setWeight: Int {
        guard let status = rollout.status else { return 0 }
        if status.isAborted { return 0 }
        let index = status.currentStepIndex ?? 0
        if steps.isEmpty || index >= steps.count { return 100 }
        for step in steps[...index].reversed() {
            if let weight = step.setWeight { return weight }
        }
        return 0
    }

    /// The weight the data plane reports for the canary; from replica counts when no router sets weights.
    public var actualWeight: Int {
        if let weight = traffic?.canaryWeight { return weight }
        if let weight = rollout.status?.canary?.weights?.canary.weight { return weight }
        let total = revisions.map(\.available).reduce(0, +)
        let canary = revisions.filter { $0.roles.contains("canary") }.map(\.available).reduce(0, +)
        guard total > 0 else { return 0 }
        return Int((Double(canary) * 100 / Double(total)).rounded())
    }

    /// One line for `turnout status`: `demo: ◌ Progressing, step 1/4, weight 20%: message`.
    public func progressLine() -> String {
        let badge = StatusBadge.rollout(rollout.status?.phase)
        var parts = ["\(rollout.name): \(badge.plain)"]
        if let step = stepProgress { parts.append("step \(step)") }
        if !isBlueGreen { parts.append("weight \(actualWeight)%") }
        let available = rollout.status?.availableReplicas ?? 0
        parts.append("\(available)/\(rollout.spec.effectiveReplicas) available")
        var line = parts.joined(separator: ", ")
        if let message = rollout.status?.message, !message.isEmpty { line += ": \(message)" }
        return line
    }
}
