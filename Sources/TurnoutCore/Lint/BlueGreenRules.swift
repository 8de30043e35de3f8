/// Checks `spec.strategy.blueGreen`: services, preview size, promotion and delays.
enum BlueGreenRules {
    private static let path: LintContext.Path = [.key("spec"), .key("strategy"), .key("blueGreen")]

    /// Reports every problem of a blue-green strategy and its analysis references.
    static func check(_ blueGreen: BlueGreenStrategy, spec: RolloutSpec, references: AnalysisReferenceRules, in context: inout LintContext) {
        checkServices(blueGreen, in: &context)
        checkPreview(blueGreen, spec: spec, in: &context)
        checkDelays(blueGreen, spec: spec, in: &context)
        if let analysis = blueGreen.prePromotionAnalysis {
            references.check(analysis, at: path + [.key("prePromotionAnalysis")], in: &context)
        }
        if let analysis = blueGreen.postPromotionAnalysis {
            references.check(analysis, at: path + [.key("postPromotionAnalysis")], in: &context)
        }
    }

    private static func checkServices(_ blueGreen: BlueGreenStrategy, in context: inout LintContext) {
        guard let active = blueGreen.activeService, !active.isEmpty else {
            guard blueGreen.activeService != nil || !context.isWritten(path + [.key("activeService")]) else { return }
            context.error(
                path + [.key("activeService")], "missing required field `activeService`",
                fix: "name the Service that receives production traffic, e.g. `activeService: demo-active`")
            return
        }
        if blueGreen.previewService == active {
            context.error(
                path + [.key("previewService")],
                "previewService and activeService are both `\(active)`; two different Services are required",
                fix: "create a second Service for the preview, or remove previewService")
        }
    }

    private static func checkPreview(_ blueGreen: BlueGreenStrategy, spec: RolloutSpec, in context: inout LintContext) {
        if let count = blueGreen.previewReplicaCount {
            let countPath = path + [.key("previewReplicaCount")]
            if count < 1 {
                context.error(countPath, "previewReplicaCount must be at least 1, got \(count)", fix: "use 1 or more, or remove it to preview with all replicas")
            } else if count > spec.effectiveReplicas {
                context.warning(
                    countPath, "previewReplicaCount \(count) is more than the rollout's \(spec.effectiveReplicas) replicas",
                    fix: "use at most \(spec.effectiveReplicas)")
            }
        }
        if let seconds = blueGreen.autoPromotionSeconds, !blueGreen.isAutoPromotionEnabled {
            context.warning(
                path + [.key("autoPromotionSeconds")],
                "autoPromotionSeconds (\(seconds)) is ignored because autoPromotionEnabled is false",
                fix: "remove it, or set autoPromotionEnabled: true")
        }
    }

    private static func checkDelays(_ blueGreen: BlueGreenStrategy, spec: RolloutSpec, in context: inout LintContext) {
        let fields: [(String, Int?)] = [
            ("autoPromotionSeconds", blueGreen.autoPromotionSeconds),
            ("scaleDownDelaySeconds", blueGreen.scaleDownDelaySeconds),
            ("abortScaleDownDelaySeconds", blueGreen.abortScaleDownDelaySeconds),
            ("scaleDownDelayRevisionLimit", blueGreen.scaleDownDelayRevisionLimit),
        ]
        for case let (name, value?) in fields where value < 0 {
            context.error(path + [.key(name)], "\(name) cannot be negative, got \(value)", fix: "use 0 or more")
        }
        if let limit = blueGreen.scaleDownDelayRevisionLimit, limit > spec.effectiveRevisionHistoryLimit {
            context.error(
                path + [.key("scaleDownDelayRevisionLimit")],
                "scaleDownDelayRevisionLimit (\(limit)) cannot be more than revisionHistoryLimit (\(spec.effectiveRevisionHistoryLimit))",
                fix: "lower it, or raise spec.revisionHistoryLimit")
        }
    }
}
