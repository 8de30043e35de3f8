/// Checks `spec.strategy.canary` as a whole: services, surge, routing-only fields, background analysis.
enum CanaryRules {
    static let path: LintContext.Path = [.key("spec"), .key("strategy"), .key("canary")]

    /// Reports every problem of a canary strategy, its traffic routing and its steps.
    static func check(_ canary: CanaryStrategy, spec: RolloutSpec, references: AnalysisReferenceRules, in context: inout LintContext) {
        checkServices(canary, in: &context)
        checkSurge(canary, in: &context)
        checkScaleDown(canary, spec: spec, in: &context)
        if let routing = canary.trafficRouting {
            TrafficRoutingRules.check(routing, canary: canary, in: &context)
        }
        if let pingPong = canary.pingPong {
            TrafficRoutingRules.checkPingPong(pingPong, canary: canary, in: &context)
        }
        let steps = canary.steps ?? []
        for (index, step) in steps.enumerated() {
            CanaryStepRules.check(step, at: path + [.key("steps"), .index(index)], canary: canary, references: references, in: &context)
        }
        if let background = canary.analysis {
            references.check(background.analysis, at: path + [.key("analysis")], in: &context)
            checkStartingStep(background.startingStep, stepCount: steps.count, in: &context)
        }
    }

    private static func checkServices(_ canary: CanaryStrategy, in context: inout LintContext) {
        if let stable = canary.stableService, !stable.isEmpty, canary.canaryService == stable {
            context.error(
                path + [.key("stableService")],
                "canaryService and stableService are both `\(stable)`; two different Services are required",
                fix: "create one Service for the canary and another for the stable pods")
        }
    }

    private static func checkSurge(_ canary: CanaryStrategy, in context: inout LintContext) {
        guard let surge = canary.maxSurge, let unavailable = canary.maxUnavailable else { return }
        if isZero(surge) && isZero(unavailable) {
            context.error(
                path + [.key("maxSurge")], "maxSurge and maxUnavailable cannot both be 0: no pod could ever be replaced",
                fix: "allow an extra pod (maxSurge: 1) or an unavailable one (maxUnavailable: 1)")
        }
    }

    private static func checkScaleDown(_ canary: CanaryStrategy, spec: RolloutSpec, in context: inout LintContext) {
        let counts: [(String, Int?)] = [
            ("scaleDownDelaySeconds", canary.scaleDownDelaySeconds),
            ("abortScaleDownDelaySeconds", canary.abortScaleDownDelaySeconds),
            ("scaleDownDelayRevisionLimit", canary.scaleDownDelayRevisionLimit),
            ("minPodsPerReplicaSet", canary.minPodsPerReplicaSet),
        ]
        for case let (name, value?) in counts where value < 0 {
            context.error(path + [.key(name)], "\(name) cannot be negative, got \(value)", fix: "use 0 or more")
        }
        guard canary.trafficRouting == nil else {
            if canary.dynamicStableScale == true, canary.scaleDownDelaySeconds != nil {
                context.error(
                    path + [.key("dynamicStableScale")], "dynamicStableScale cannot be used with scaleDownDelaySeconds",
                    fix: "remove scaleDownDelaySeconds: with dynamicStableScale the stable pods scale down step by step")
            }
            return
        }
        let routedOnly: [(String, Bool)] = [
            ("scaleDownDelaySeconds", canary.scaleDownDelaySeconds != nil),
            ("abortScaleDownDelaySeconds", canary.abortScaleDownDelaySeconds != nil),
            ("dynamicStableScale", canary.dynamicStableScale == true),
            ("minPodsPerReplicaSet", canary.minPodsPerReplicaSet != nil),
        ]
        for (name, isSet) in routedOnly where isSet {
            context.error(
                path + [.key(name)], "\(name) only applies with trafficRouting",
                fix: "remove it, or add trafficRouting (without it traffic follows the replica ratio)")
        }
    }

    private static func checkStartingStep(_ start: Int?, stepCount: Int, in context: inout LintContext) {
        guard let start else { return }
        let startPath = path + [.key("analysis"), .key("startingStep")]
        if stepCount == 0 {
            if start != 0 {
                context.error(startPath, "startingStep \(start) is beyond the steps: the canary has none", fix: "remove startingStep")
            }
        } else if start < 0 || start >= stepCount {
            context.error(
                startPath, "startingStep \(start) is beyond the steps: there are \(stepCount), numbered from 0",
                fix: "use a step index from 0 to \(stepCount - 1)")
        }
    }

    private static func isZero(_ value: IntOrPercent) -> Bool {
        switch value {
        case .count(let count): return count == 0
        case .percent(let percent): return percent == 0
        }
    }
}
