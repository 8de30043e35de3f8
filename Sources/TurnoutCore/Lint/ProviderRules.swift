/// Checks the settings of the providers Turnout queries: a web `jsonPath` that parses, a builtin
/// percentile in range, a judge with metrics and a confidence below 1.
enum ProviderRules {
    /// Reports every problem of the provider at `path` (`...metrics[i].provider`).
    static func check(_ provider: MetricSource, at path: LintContext.Path, in context: inout LintContext) {
        if let jsonPath = provider.web?.jsonPath {
            do throws(JSONPathError) {
                _ = try JSONPath(parsing: ConditionRules.blankingPlaceholders(in: jsonPath))
            } catch {
                context.error(path + [.key("web"), .key("jsonPath")], "jsonPath `\(jsonPath)` does not parse: \(error.description)", fix: "select a field, e.g. `{$.data.ok}`")
            }
        }
        if let prometheus = provider.prometheus, (prometheus.query ?? "").allSatisfy(\.isWhitespace) {
            context.error(path + [.key("prometheus"), .key("query")], "a prometheus metric needs a query", fix: "add `query: ...` with a PromQL expression")
        }
        if let builtin = provider.builtin, let percentile = builtin.percentile, !(percentile > 0 && percentile <= 100) {
            context.error(path + [.key("builtin"), .key("percentile")], "percentile must be above 0 and at most 100, got \(ExpressionValue.format(percentile))", fix: "use e.g. `percentile: 99`")
        }
        if let judge = provider.judge {
            if judge.metrics.isEmpty {
                context.error(path + [.key("judge"), .key("metrics")], "the judge needs at least one metric to compare", fix: "add e.g. `- {name: latency, kind: latency}`")
            }
            if let confidence = judge.confidence, !(confidence > 0 && confidence < 1) {
                context.error(path + [.key("judge"), .key("confidence")], "confidence must be between 0 and 1, got \(ExpressionValue.format(confidence))", fix: "use e.g. `confidence: 0.98`")
            }
        }
    }
}
