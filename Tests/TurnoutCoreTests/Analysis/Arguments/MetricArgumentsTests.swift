import Testing
import TurnoutCore

/// `{{args.NAME}}` substitution into every string field of a metric.
@Suite struct MetricArgumentsTests {
    @Test func substitutesEveryStringField() throws {
        var prometheus = PrometheusMetric(address: "http://{{args.host}}:9090", query: "rate(x{service=\"{{ args.service }}\"}[1m])")
        prometheus.headers = [WebMetricHeader(key: "X-Scope", value: "{{args.service}}")]
        var metric = Metric(name: "m", provider: MetricSource(prometheus: prometheus), successCondition: "result[0] >= {{args.threshold}}")
        metric.failureCondition = "result[0] < {{args.threshold}} / 2"
        let values = ["host": "prom", "service": "web", "threshold": "0.95"]
        let resolved = try metric.substitutingArguments(values)
        #expect(resolved.provider.prometheus?.address == "http://prom:9090")
        #expect(resolved.provider.prometheus?.query == "rate(x{service=\"web\"}[1m])")
        #expect(resolved.provider.prometheus?.headers?.first?.value == "web")
        #expect(resolved.successCondition == "result[0] >= 0.95")
        #expect(resolved.failureCondition == "result[0] < 0.95 / 2")
    }

    @Test func substitutesWebAndJobFields() throws {
        var web = WebMetric(url: "https://{{args.host}}/health", headers: [WebMetricHeader(key: "Authorization", value: "Bearer {{args.token}}")], body: "{\"svc\": \"{{args.host}}\"}", jsonPath: "{$.{{args.field}}}")
        web.method = "POST"
        let container = Container(name: "check", image: "alpine", command: ["curl", "{{args.host}}"])
        let job = JobMetric(spec: JobSpec(template: PodTemplate(spec: PodSpec(containers: [container]))))
        let values = ["host": "api.local", "token": "t0k", "field": "ok"]
        let webMetric = try Metric(name: "w", provider: MetricSource(web: web)).substitutingArguments(values)
        #expect(webMetric.provider.web?.url == "https://api.local/health")
        #expect(webMetric.provider.web?.headers?.first?.value == "Bearer t0k")
        #expect(webMetric.provider.web?.body == "{\"svc\": \"api.local\"}")
        #expect(webMetric.provider.web?.jsonPath == "{$.ok}")
        let jobMetric = try Metric(name: "j", provider: MetricSource(job: job)).substitutingArguments(values)
        #expect(jobMetric.provider.job?.spec.template.spec.containers.first?.command == ["curl", "api.local"])
    }

    @Test func anUndeclaredPlaceholderIsAnError() {
        let metric = Metric(name: "m", provider: MetricSource(web: WebMetric(url: "http://{{args.host}}/")))
        #expect(throws: AnalysisArgumentError.undeclared(argument: "host", metric: "m")) {
            try metric.substitutingArguments([:])
        }
    }

    @Test func aMetricWithoutPlaceholdersIsUnchanged() throws {
        let metric = Metric(name: "m", provider: MetricSource(builtin: BuiltinMetric(metric: .successRate)), successCondition: "result >= 0.95")
        #expect(try metric.substitutingArguments(["x": "y"]) == metric)
    }
}
