/// One metric of an analysis: a provider to query, how often, and the conditions that judge a result.
public struct Metric: Sendable, Hashable, Codable {
    /// The metric's name, unique in the run.
    public var name: String
    /// Time between measurements; none takes one measurement (unless `count` asks for more).
    public var interval: DurationValue?
    /// Time to wait before the first measurement.
    public var initialDelay: DurationValue?
    /// Measurements to take; none means until the run is terminated (with an interval).
    public var count: IntOrString?
    /// An expression that must hold for a measurement to succeed.
    public var successCondition: String?
    /// An expression that, when it holds, fails a measurement.
    public var failureCondition: String?
    /// Failed measurements tolerated before the metric fails (default 0; -1 never fails).
    public var failureLimit: IntOrString?
    /// Inconclusive measurements tolerated before the metric is inconclusive (default 0).
    public var inconclusiveLimit: IntOrString?
    /// Consecutive errors tolerated before the metric errors (default 4).
    public var consecutiveErrorLimit: IntOrString?
    /// Consecutive successes after which the metric succeeds early.
    public var consecutiveSuccessLimit: IntOrString?
    /// Where measurements come from.
    public var provider: MetricSource

    /// Creates a metric.
    public init(name: String, provider: MetricSource, interval: DurationValue? = nil, count: IntOrString? = nil, successCondition: String? = nil, failureCondition: String? = nil, failureLimit: IntOrString? = nil) {
        self.name = name
        self.provider = provider
        self.interval = interval
        self.count = count
        self.successCondition = successCondition
        self.failureCondition = failureCondition
        self.failureLimit = failureLimit
    }
}

/// `metric.provider`: exactly one source of measurements.
public struct MetricSource: Sendable, Hashable, Codable {
    /// Turnout's own proxy metrics for a revision.
    public var builtin: BuiltinMetric?
    /// Turnout's statistical canary judge.
    public var judge: JudgeMetric?
    /// A Prometheus query.
    public var prometheus: PrometheusMetric?
    /// An HTTP request.
    public var web: WebMetric?
    /// A job whose exit status is the measurement.
    public var job: JobMetric?
    /// Datadog, kept as written (not queried by Turnout).
    public var datadog: JSONValue?
    /// New Relic, kept as written (not queried by Turnout).
    public var newRelic: JSONValue?
    /// Wavefront, kept as written (not queried by Turnout).
    public var wavefront: JSONValue?
    /// Kayenta, kept as written (not queried by Turnout).
    public var kayenta: JSONValue?
    /// CloudWatch, kept as written (not queried by Turnout).
    public var cloudWatch: JSONValue?
    /// Graphite, kept as written (not queried by Turnout).
    public var graphite: JSONValue?
    /// InfluxDB, kept as written (not queried by Turnout).
    public var influxdb: JSONValue?
    /// SkyWalking, kept as written (not queried by Turnout).
    public var skywalking: JSONValue?
    /// A metric plugin, kept as written (not queried by Turnout).
    public var plugin: JSONValue?

    /// Creates a provider with a job.
    public init(job: JobMetric? = nil, prometheus: PrometheusMetric? = nil, web: WebMetric? = nil, builtin: BuiltinMetric? = nil, judge: JudgeMetric? = nil) {
        self.job = job
        self.prometheus = prometheus
        self.web = web
        self.builtin = builtin
        self.judge = judge
    }

    /// The names of the providers set.
    public var kindNames: [String] {
        let all: [(String, Bool)] = [
            ("builtin", builtin != nil), ("judge", judge != nil), ("prometheus", prometheus != nil),
            ("web", web != nil), ("job", job != nil), ("datadog", datadog != nil), ("newRelic", newRelic != nil),
            ("wavefront", wavefront != nil), ("kayenta", kayenta != nil), ("cloudWatch", cloudWatch != nil),
            ("graphite", graphite != nil), ("influxdb", influxdb != nil), ("skywalking", skywalking != nil),
            ("plugin", plugin != nil),
        ]
        return all.filter(\.1).map(\.0)
    }
}

/// A Prometheus query.
public struct PrometheusMetric: Sendable, Hashable, Codable {
    /// The server's base URL.
    public var address: String?
    /// The PromQL query.
    public var query: String?
    /// Query timeout in seconds.
    public var timeout: Int?
    /// Skip TLS verification (off by default).
    public var insecure: Bool?
    /// Extra request headers.
    public var headers: [WebMetricHeader]?
    /// Authentication: `basic`, `bearerToken` (Turnout's), or Argo's `sigv4`/`oauth2` (kept, not used).
    public var authentication: PrometheusAuthentication?
    /// A range query instead of an instant one.
    public var rangeQuery: PrometheusRangeQuery?

    /// Creates a Prometheus query.
    public init(address: String? = nil, query: String? = nil, timeout: Int? = nil, headers: [WebMetricHeader]? = nil, rangeQuery: PrometheusRangeQuery? = nil) {
        self.address = address
        self.query = query
        self.timeout = timeout
        self.headers = headers
        self.rangeQuery = rangeQuery
    }
}

/// How Turnout authenticates to Prometheus.
public struct PrometheusAuthentication: Sendable, Hashable, Codable {
    /// HTTP basic authentication.
    public var basic: BasicAuthentication?
    /// A bearer token sent as `Authorization: Bearer TOKEN`.
    public var bearerToken: String?
    /// AWS SigV4 (Argo), kept as written; Turnout does not sign requests.
    public var sigv4: JSONValue?
    /// OAuth2 client credentials (Argo), kept as written; Turnout does not fetch tokens.
    public var oauth2: JSONValue?

    /// Creates authentication settings.
    public init(basic: BasicAuthentication? = nil, bearerToken: String? = nil) {
        self.basic = basic
        self.bearerToken = bearerToken
    }
}

/// A user name and password for HTTP basic authentication.
public struct BasicAuthentication: Sendable, Hashable, Codable {
    /// The user name.
    public var username: String
    /// The password.
    public var password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// A Prometheus range query window.
public struct PrometheusRangeQuery: Sendable, Hashable, Codable {
    /// Start, e.g. `now() - 5m`.
    public var start: String?
    /// End, e.g. `now()`.
    public var end: String?
    /// Step, e.g. `1m`.
    public var step: String?

    /// Creates a range.
    public init(start: String? = nil, end: String? = nil, step: String? = nil) {
        self.start = start
        self.end = end
        self.step = step
    }
}

/// An HTTP request whose JSON answer is the measurement.
public struct WebMetric: Sendable, Hashable, Codable {
    /// The URL, may hold `{{args.x}}`.
    public var url: String
    /// `GET` (default), `POST` or `PUT`.
    public var method: String?
    /// Request headers.
    public var headers: [WebMetricHeader]?
    /// A request body as text.
    public var body: String?
    /// A request body as JSON.
    public var jsonBody: JSONValue?
    /// Seconds before the request times out (default 10).
    public var timeoutSeconds: Int?
    /// A JSONPath selecting the result, e.g. `{$.data.ok}`.
    public var jsonPath: String?
    /// Skip TLS verification (off by default).
    public var insecure: Bool?

    /// Creates a web metric.
    public init(url: String, method: String? = nil, headers: [WebMetricHeader]? = nil, body: String? = nil, jsonBody: JSONValue? = nil, timeoutSeconds: Int? = nil, jsonPath: String? = nil) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.jsonBody = jsonBody
        self.timeoutSeconds = timeoutSeconds
        self.jsonPath = jsonPath
    }
}

/// A request header of a web or Prometheus metric.
public struct WebMetricHeader: Sendable, Hashable, Codable {
    /// The header's name.
    public var key: String
    /// The header's value.
    public var value: String

    /// Creates a header.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A Kubernetes Job (or a local process) whose exit status is the measurement.
public struct JobMetric: Sendable, Hashable, Codable {
    /// Labels and annotations for the Job, kept as written.
    public var metadata: JSONValue?
    /// The Job spec (`batch/v1`): `template.spec.containers`, `backoffLimit`.
    public var spec: JobSpec

    /// Creates a job metric.
    public init(spec: JobSpec) {
        self.spec = spec
    }
}

/// The part of a `batch/v1` Job spec Turnout reads.
public struct JobSpec: Sendable, Hashable, Codable {
    /// The pod template of the job.
    public var template: PodTemplate
    /// Retries before the job fails.
    public var backoffLimit: Int?
    /// Seconds the job may run.
    public var activeDeadlineSeconds: Int?
    /// Seconds a finished job is kept.
    public var ttlSecondsAfterFinished: Int?

    /// Creates a job spec.
    public init(template: PodTemplate, backoffLimit: Int? = nil) {
        self.template = template
        self.backoffLimit = backoffLimit
    }
}
