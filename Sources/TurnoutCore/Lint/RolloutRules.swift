/// Checks a Rollout's spec: name, selector, template, replicas, and that it has exactly one strategy.
enum RolloutRules {
    /// Reports every problem of one rollout, including its strategy's.
    static func check(_ rollout: Rollout, references: AnalysisReferenceRules, in context: inout LintContext) {
        MetadataRules.checkName(rollout.metadata, kind: rollout.kind, in: &context)
        let spec = rollout.spec
        checkWorkload(spec, in: &context)
        checkCounts(spec, in: &context)
        checkStrategy(spec, references: references, in: &context)
    }

    private static func checkWorkload(_ spec: RolloutSpec, in context: inout LintContext) {
        if let reference = spec.workloadRef { checkWorkloadReference(reference, spec: spec, in: &context) }
        if let selector = spec.selector {
            SelectorRules.check(selector, template: spec.template, in: &context)
        } else if spec.workloadRef == nil, !context.isWritten([.key("spec"), .key("selector")]) {
            context.error(
                [.key("spec"), .key("selector")], "missing required field `selector`",
                fix: "add `selector: {matchLabels: ...}` with the labels of spec.template.metadata.labels")
        }
        guard let template = spec.template else {
            if spec.workloadRef == nil, !context.isWritten([.key("spec"), .key("template")]) {
                context.error(
                    [.key("spec"), .key("template")], "missing required field `template`",
                    fix: "add the pod template: spec.template.metadata.labels and spec.template.spec.containers")
            }
            return
        }
        if template.spec.containers.isEmpty {
            context.error(
                [.key("spec"), .key("template"), .key("spec"), .key("containers")], "a pod template needs at least one container",
                fix: "add a container with a name and an image")
        }
    }

    private static func checkWorkloadReference(_ reference: WorkloadReference, spec: RolloutSpec, in context: inout LintContext) {
        let path: LintContext.Path = [.key("spec"), .key("workloadRef")]
        if !reference.isDeployment {
            context.error(
                path + [.key("kind")], "workloadRef names \(reference.apiVersion ?? "no apiVersion") \(reference.kind ?? "no kind"); Turnout reads the template of an apps/v1 Deployment",
                fix: "set `apiVersion: apps/v1` and `kind: Deployment`, or copy the pod template into spec.template")
        }
        if (reference.name ?? "").isEmpty {
            context.error(path + [.key("name")], "workloadRef needs the name of the Deployment", fix: "set workloadRef.name")
        }
        if reference.scaleDownMode == nil {
            context.error(
                path + [.key("scaleDown")], "scaleDown must be never, onsuccess or progressively, got `\(reference.scaleDown ?? "")`",
                fix: "use one of never, onsuccess, progressively")
        }
        if spec.template != nil || context.isWritten([.key("spec"), .key("template")]) {
            context.error(
                [.key("spec"), .key("template")], "a rollout with workloadRef takes its template from the Deployment; spec.template must be empty",
                fix: "remove spec.template, or remove workloadRef")
        }
    }

    private static func checkCounts(_ spec: RolloutSpec, in context: inout LintContext) {
        let fields: [(String, Int?)] = [
            ("replicas", spec.replicas), ("minReadySeconds", spec.minReadySeconds),
            ("revisionHistoryLimit", spec.revisionHistoryLimit), ("progressDeadlineSeconds", spec.progressDeadlineSeconds),
        ]
        for case let (name, value?) in fields where value < 0 {
            context.error([.key("spec"), .key(name)], "\(name) cannot be negative, got \(value)", fix: "use 0 or more")
        }
        let minReady = max(0, spec.minReadySeconds ?? 0)
        if let deadline = spec.progressDeadlineSeconds, deadline >= 0, deadline <= minReady {
            context.error(
                [.key("spec"), .key("progressDeadlineSeconds")],
                "progressDeadlineSeconds (\(deadline)) must be greater than minReadySeconds (\(minReady))",
                fix: "raise progressDeadlineSeconds above \(minReady)")
        }
    }

    private static func checkStrategy(_ spec: RolloutSpec, references: AnalysisReferenceRules, in context: inout LintContext) {
        let strategyPath: LintContext.Path = [.key("spec"), .key("strategy")]
        switch (spec.strategy?.blueGreen, spec.strategy?.canary) {
        case (nil, nil):
            // A strategy that is written but failed to decode was reported by the loader.
            let written = ["blueGreen", "canary"].contains { context.isWritten(strategyPath + [.key($0)]) }
            guard !written else { return }
            context.error(
                strategyPath, "a Rollout needs a strategy: blueGreen or canary",
                fix: "add `strategy: {blueGreen: {activeService: NAME}}` or `strategy: {canary: {steps: [...]}}`")
        case (.some, .some):
            context.error(
                strategyPath, "set one strategy, not both blueGreen and canary",
                fix: "remove strategy.blueGreen or strategy.canary")
        case (let blueGreen?, nil):
            BlueGreenRules.check(blueGreen, spec: spec, references: references, in: &context)
        case (nil, let canary?):
            CanaryRules.check(canary, spec: spec, references: references, in: &context)
        }
    }
}
