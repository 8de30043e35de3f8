import Testing
@testable import TurnoutCore

extension LinterTests {
    static let analysisReferenceFixtures: [BrokenFixture] = [
        BrokenFixture("analysis-template-missing.yaml", [
            "broken/analysis-template-missing.yaml:24:27: warning: spec.strategy.canary.steps[1].analysis.templates[0].templateName: analysis template `success-rate` is not in these files; it must exist when the rollout runs",
        ]),
        BrokenFixture("analysis-cluster-scope.yaml", [
            "broken/analysis-cluster-scope.yaml:24:27: warning: spec.strategy.canary.steps[1].analysis.templates[0].templateName: cluster analysis template `success-rate` is not in these files; it must exist when the rollout runs; an AnalysisTemplate `success-rate` is in these files; remove `clusterScope: true` to use it",
        ]),
        BrokenFixture("analysis-no-template.yaml", [
            "broken/analysis-no-template.yaml:22:7: spec.strategy.blueGreen.prePromotionAnalysis.templates: an analysis needs at least one template; add `templates: [{templateName: NAME}]`",
        ]),
    ]

    @Test(arguments: analysisReferenceFixtures)
    func analysisReferenceRules(_ fixture: BrokenFixture) {
        #expect(LintFixture.lines("broken/\(fixture.file)") == fixture.lines)
    }

    static let analysisTemplateFixtures: [BrokenFixture] = [
        BrokenFixture("template-no-metrics.yaml", [
            "broken/template-no-metrics.yaml:6:12: spec.metrics: an analysis needs at least one metric; add a metric with a name and a provider",
        ]),
        BrokenFixture("duplicate-metric.yaml", [
            "broken/duplicate-metric.yaml:14:11: spec.metrics[1].name: a second metric named `success-rate`; metric names must be unique; rename one of them",
        ]),
        BrokenFixture("metric-no-provider.yaml", [
            "broken/metric-no-provider.yaml:9:15: spec.metrics[0].provider: a metric needs a provider; add one of builtin, judge, prometheus, web, job",
        ]),
        BrokenFixture("metric-two-providers.yaml", [
            "broken/metric-two-providers.yaml:11:7: spec.metrics[0].provider: a metric has one provider; this one has prometheus and web; split it into one metric per provider",
        ]),
        BrokenFixture("count-without-interval.yaml", [
            "broken/count-without-interval.yaml:8:12: spec.metrics[0].count: count > 1 needs an interval; add the time between measurements, e.g. `interval: 30s`",
        ]),
        BrokenFixture("count-below-failure-limit.yaml", [
            "broken/count-below-failure-limit.yaml:10:19: spec.metrics[0].failureLimit: failureLimit (3) is more than count (2): the limit can never be reached; lower failureLimit to at most 2, or raise count",
        ]),
        BrokenFixture("failure-limit.yaml", [
            "broken/failure-limit.yaml:9:19: spec.metrics[0].failureLimit: failureLimit must be -1 (never fail) or more, got -2; use the number of failed measurements to tolerate",
        ]),
        BrokenFixture("unsupported-provider.yaml", [
            "broken/unsupported-provider.yaml:12:9: warning: spec.metrics[0].provider.datadog: Turnout does not query datadog; it supports builtin, judge, prometheus, web, job; measure it through prometheus or web instead",
        ]),
        BrokenFixture("condition-syntax.yaml", [
            "broken/condition-syntax.yaml:12:23: spec.metrics[0].successCondition: successCondition `result[0] >= {{args.threshold}} &&` does not parse: unexpected end of expression at column 35; fix the expression, e.g. `result[0] >= 0.95`",
            "broken/condition-syntax.yaml:13:23: spec.metrics[0].failureCondition: failureCondition `lenn(result) == 0` does not parse: unknown function 'lenn' at column 1; did you mean 'len'?; fix the expression, e.g. `result[0] >= 0.95`",
            "broken/condition-syntax.yaml:19:23: spec.metrics[1].successCondition: successCondition `result < 500)` does not parse: unexpected token ')' at column 13; fix the expression, e.g. `result[0] >= 0.95`",
            "broken/condition-syntax.yaml:23:19: spec.metrics[1].provider.web.jsonPath: jsonPath `{$.data..p99}` does not parse: recursive descent '..' is not supported at column 8; select a field, e.g. `{$.data.ok}`",
        ]),
        BrokenFixture("undeclared-arg.yaml", [
            "broken/undeclared-arg.yaml:15:16: spec.metrics[0].provider.prometheus.query: `{{args.service}}` names an argument spec.args does not declare; declare it under spec.args: `- name: service`",
        ]),
    ]

    @Test(arguments: analysisTemplateFixtures)
    func analysisTemplateRules(_ fixture: BrokenFixture) {
        #expect(LintFixture.lines("broken/\(fixture.file)") == fixture.lines)
    }

    @Test(arguments: [
        ("http://{{args.host}}:{{ args.port }}/", ["host", "port"]),
        ("{{args.a}}{{args.b}}", ["a", "b"]),
        ("{{metric.name}} {{args.}}", []),
        ("{{args.unclosed", []),
        ("no placeholders", []),
    ])
    func placeholderNames(_ text: String, _ names: [String]) {
        #expect(ArgumentPlaceholders.names(in: text) == names)
    }
}
