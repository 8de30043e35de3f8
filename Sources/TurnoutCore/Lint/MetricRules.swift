/// Checks one analysis metric: one provider Turnout can query, conditions that parse, and measurement counts that make sense.
enum MetricRules {
    /// The providers Turnout queries.
    static let supportedProviders = ["builtin", "judge", "prometheus", "web", "job"]

    /// Reports every problem of the metric at `path`.
    static func check(_ metric: Metric, at path: LintContext.Path, in context: inout LintContext) {
        checkProvider(metric.provider, at: path + [.key("provider")], in: &context)
        ProviderRules.check(metric.provider, at: path + [.key("provider")], in: &context)
        ConditionRules.check(metric, at: path, in: &context)
        checkLimits(metric, at: path, in: &context)
    }

    private static func checkProvider(_ provider: MetricSource, at path: LintContext.Path, in context: inout LintContext) {
        let kinds = provider.kindNames
        let supported = supportedProviders.joined(separator: ", ")
        if kinds.isEmpty {
            context.error(path, "a metric needs a provider", fix: "add one of \(supported)")
        } else if kinds.count > 1 {
            context.error(path, "a metric has one provider; this one has \(CanaryStepRules.list(kinds))", fix: "split it into one metric per provider")
        }
        for kind in kinds where !supportedProviders.contains(kind) {
            context.warning(
                path + [.key(kind)], "Turnout does not query \(kind); it supports \(supported)",
                fix: "measure it through prometheus or web instead")
        }
    }

    private static func checkLimits(_ metric: Metric, at path: LintContext.Path, in context: inout LintContext) {
        let count = metric.count?.intValue
        if let count, count < 0 {
            context.error(path + [.key("count")], "count cannot be negative, got \(count)", fix: "use 1 or more, or remove it")
        }
        if let count, count > 1, metric.interval == nil {
            context.error(path + [.key("count")], "count > 1 needs an interval", fix: "add the time between measurements, e.g. `interval: 30s`")
        }
        if let failureLimit = metric.failureLimit?.intValue, failureLimit < -1 {
            context.error(
                path + [.key("failureLimit")], "failureLimit must be -1 (never fail) or more, got \(failureLimit)",
                fix: "use the number of failed measurements to tolerate")
        }
        let nonNegative: [(String, IntOrString?)] = [
            ("inconclusiveLimit", metric.inconclusiveLimit), ("consecutiveErrorLimit", metric.consecutiveErrorLimit),
            ("consecutiveSuccessLimit", metric.consecutiveSuccessLimit),
        ]
        for case let (name, value?) in nonNegative {
            if let number = value.intValue, number < 0 {
                context.error(path + [.key(name)], "\(name) cannot be negative, got \(number)", fix: "use 0 or more")
            }
        }
        guard let count, count > 0 else { return }
        let bounded: [(String, IntOrString?)] = [("failureLimit", metric.failureLimit), ("inconclusiveLimit", metric.inconclusiveLimit)]
        for case let (name, value?) in bounded {
            if let limit = value.intValue, limit > count {
                context.error(
                    path + [.key(name)], "\(name) (\(limit)) is more than count (\(count)): the limit can never be reached",
                    fix: "lower \(name) to at most \(count), or raise count")
            }
        }
    }
}
