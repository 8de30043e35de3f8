import Testing
import TurnoutTestSupport
import TurnoutCore
@testable import TurnoutProviders

/// The prometheus provider against a real HTTP server on loopback.
@Suite struct PrometheusMetricProviderTests {
    static let clock = TestClock()
    static let vector = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"app":"web"},"value":[1767225600,"0.97"]}]}}"#
    static let twoSeries = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"0.97"]},{"metric":{},"value":[1,"0.91"]}]}}"#
    static let scalar = #"{"status":"success","data":{"resultType":"scalar","result":[1767225600,"42"]}}"#
    static let matrix = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],[2,"NaN"]]},{"metric":{},"values":[[1,"+Inf"]]}]}}"#

    func metric(_ prometheus: PrometheusMetric, success: String? = nil) -> Metric {
        Metric(name: "success-rate", provider: MetricSource(prometheus: prometheus), successCondition: success)
    }

    func withServer(_ response: CannedResponse, _ body: (TestHTTPServer, PrometheusMetricProvider) async throws -> Void) async throws {
        let server = try await TestHTTPServer.start { _ in response }
        let provider = PrometheusMetricProvider(clock: Self.clock)
        try await body(server, provider)
        await server.stop()
    }

    @Test func instantQueryVectorIsAListOfNumbers() async throws {
        try await withServer(CannedResponse(body: Self.vector)) { server, provider in
            var prometheus = PrometheusMetric(address: server.baseURL + "/", query: #"sum(rate(http_requests_total{code!~"5.."}[1m])) / sum(rate(http_requests_total[1m])) + 0"#)
            prometheus.authentication = PrometheusAuthentication(basic: BasicAuthentication(username: "user", password: "pa:ss"))
            prometheus.headers = [WebMetricHeader(key: "X-Scope-OrgID", value: "tenant")]
            let measurement = await provider.measure(metric(prometheus, success: "result[0] >= 0.95"), context: context())
            #expect(measurement.phase == .successful)
            #expect(measurement.value == "[0.97]")
            let request = try #require(server.requests.first)
            #expect(request.method == .GET)
            #expect(request.path == "/api/v1/query")
            #expect(request.query["query"] == prometheus.query)
            #expect(request.query["time"] == "1767225600.000")
            #expect(request.query["timeout"] == "10s")
            #expect(request.headers["Authorization"].first == "Basic dXNlcjpwYTpzcw==")
            #expect(request.headers["X-Scope-OrgID"].first == "tenant")
        }
    }

    @Test func severalSeriesAreSeveralNumbers() async throws {
        try await withServer(CannedResponse(body: Self.twoSeries)) { server, provider in
            let prometheus = PrometheusMetric(address: server.baseURL, query: "up")
            let measurement = await provider.measure(metric(prometheus, success: "all(result, {# >= 0.95})"), context: context())
            #expect(measurement.phase == .failed)
            #expect(measurement.value == "[0.97,0.91]")
        }
    }

    @Test func scalarIsANumber() async throws {
        try await withServer(CannedResponse(body: Self.scalar)) { server, provider in
            var prometheus = PrometheusMetric(address: server.baseURL, query: "scalar(up)")
            prometheus.authentication = PrometheusAuthentication(bearerToken: "t0ken")
            let measurement = await provider.measure(metric(prometheus, success: "result == 42 && result[0] == 42"), context: context())
            #expect(measurement.phase == .successful)
            #expect(measurement.value == "42")
            #expect(server.requests.first?.headers["Authorization"].first == "Bearer t0ken")
        }
    }

    @Test func rangeQueryAsksForTheWindowAndMapsTheMatrix() async throws {
        try await withServer(CannedResponse(body: Self.matrix)) { server, provider in
            let prometheus = PrometheusMetric(address: server.baseURL, query: "up", timeout: 3, rangeQuery: PrometheusRangeQuery(start: "now() - 5m", end: "now()", step: "30s"))
            let measurement = await provider.measure(metric(prometheus, success: "len(result) == 2 && isNaN(result[0][1])"), context: context())
            #expect(measurement.phase == .successful)
            #expect(measurement.value == "[[1,NaN],[+Inf]]")
            let request = try #require(server.requests.first)
            #expect(request.path == "/api/v1/query_range")
            #expect(request.query["start"] == "1767225300.000")
            #expect(request.query["end"] == "1767225600.000")
            #expect(request.query["step"] == "30")
            #expect(request.query["timeout"] == "3s")
        }
    }

    @Test(arguments: [
        (CannedResponse(status: .internalServerError, body: "boom", contentType: "text/plain"), "answered HTTP 500: boom"),
        (CannedResponse(status: .badRequest, body: #"{"status":"error","errorType":"bad_data","error":"parse error at char 4"}"#), "query failed (bad_data): parse error at char 4"),
        (CannedResponse(body: "<html>"), "the body is not JSON: <html>"),
        (CannedResponse(body: #"{"status":"success","data":{"resultType":"streams","result":[]}}"#), "unsupported resultType \"streams\""),
        (CannedResponse(body: #"{"status":"success","data":{"resultType":"vector","result":[{"value":[1,"x"]}]}}"#), "a vector sample needs"),
    ])
    func failuresAreErrorMeasurementsNamingAddressAndQuery(_ response: CannedResponse, _ fragment: String) async throws {
        try await withServer(response) { server, provider in
            let prometheus = PrometheusMetric(address: server.baseURL, query: "up == 1")
            let measurement = await provider.measure(metric(prometheus, success: "result[0] > 0"), context: context())
            #expect(measurement.phase == .error)
            let message = measurement.message ?? ""
            #expect(message.hasPrefix("prometheus query `up == 1` at \(server.baseURL): "))
            #expect(message.contains(fragment), "\(message)")
        }
    }

    /// The answer comes 30 s late, far beyond the 1 s timeout, so a loaded machine cannot let it win the race.
    @Test func aSlowServerTimesOut() async throws {
        try await withServer(CannedResponse(body: Self.vector, delayMilliseconds: 30_000)) { server, provider in
            let prometheus = PrometheusMetric(address: server.baseURL, query: "up", timeout: 1)
            let measurement = await provider.measure(metric(prometheus), context: context())
            #expect(measurement.phase == .error)
            #expect(measurement.message?.contains("timed out after 1s") == true)
        }
    }

    @Test func anUnreachableServerIsAnError() async throws {
        let server = try await TestHTTPServer.start { _ in CannedResponse() }
        let address = server.baseURL
        await server.stop()
        let measurement = await PrometheusMetricProvider(clock: Self.clock).measure(metric(PrometheusMetric(address: address, query: "up", timeout: 1)), context: context())
        #expect(measurement.phase == .error)
        #expect(measurement.message?.contains("request to \(address)/api/v1/query") == true, "\(measurement.message ?? "")")
    }

    @Test(arguments: [
        (PrometheusMetric(query: "up"), "prometheus.address is not set"),
        (PrometheusMetric(address: "http://p:9090"), "prometheus.query is not set"),
        (PrometheusMetric(address: "p:9090", query: "up"), "invalid URL"),
        (PrometheusMetric(address: "http://p:9090", query: "up", rangeQuery: PrometheusRangeQuery(start: "yesterday")), "rangeQuery.start \"yesterday\" is not a time"),
        (PrometheusMetric(address: "http://p:9090", query: "up", rangeQuery: PrometheusRangeQuery(step: "often")), "rangeQuery.step \"often\" is not a duration"),
    ])
    func misconfigurationIsAnError(_ prometheus: PrometheusMetric, _ fragment: String) async {
        let measurement = await PrometheusMetricProvider(clock: Self.clock).measure(metric(prometheus), context: context())
        #expect(measurement.phase == .error)
        #expect(measurement.message?.contains(fragment) == true, "\(measurement.message ?? "")")
    }

    @Test(arguments: [
        ("now()", 0.0), ("now() - 5m", -300), ("now()-1h30m", -5400), ("now() + 30s", 30),
    ])
    func rangeBoundsRelativeToNow(_ text: String, _ offset: Double) throws {
        let now = Self.clock.now()
        #expect(try PrometheusMetric.time(text, now: now, field: "start") == now.adding(seconds: offset))
    }

    @Test func formEncodingKeepsPlusAndSpaces() {
        #expect(PrometheusMetric.formEncoded("a + b{c=\"d\"}&x=1") == "a%20%2B%20b%7Bc%3D%22d%22%7D%26x%3D1")
    }
}
