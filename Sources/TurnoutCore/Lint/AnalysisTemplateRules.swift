/// Checks the body of an AnalysisTemplate, ClusterAnalysisTemplate or AnalysisRun: its metrics and arguments.
enum AnalysisTemplateRules {
    /// Reports no metrics, duplicate metric and argument names, and every metric's own problems.
    static func check(metrics: [Metric], args: [AnalysisArgument]?, in context: inout LintContext) {
        let metricsPath: LintContext.Path = [.key("spec"), .key("metrics")]
        if metrics.isEmpty {
            context.error(metricsPath, "an analysis needs at least one metric", fix: "add a metric with a name and a provider")
        }
        var declared: Set<String> = []
        for (index, argument) in (args ?? []).enumerated() {
            let namePath: LintContext.Path = [.key("spec"), .key("args"), .index(index), .key("name")]
            if argument.name.isEmpty {
                context.error(namePath, "an argument needs a name", fix: "name it, then refer to it as `{{args.NAME}}`")
            } else if !declared.insert(argument.name).inserted {
                context.error(namePath, "a second argument named `\(argument.name)`", fix: "declare each argument once")
            }
        }
        var seen: Set<String> = []
        for (index, metric) in metrics.enumerated() {
            let path = metricsPath + [.index(index)]
            if metric.name.isEmpty {
                context.error(path + [.key("name")], "a metric needs a name", fix: "name it, e.g. `name: success-rate`")
            } else if !seen.insert(metric.name).inserted {
                context.error(path + [.key("name")], "a second metric named `\(metric.name)`; metric names must be unique", fix: "rename one of them")
            }
            MetricRules.check(metric, at: path, in: &context)
            ArgumentPlaceholders.check(metric, at: path, declared: declared, in: &context)
        }
    }
}
