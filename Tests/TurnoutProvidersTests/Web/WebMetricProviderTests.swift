import Testing
import TurnoutTestSupport
import TurnoutCore
@testable import TurnoutProviders

/// The web provider against a real HTTP server on loopback.
@Suite struct WebMetricProviderTests {
    func metric(_ web: WebMetric, success: String? = nil) -> Metric {
        Metric(name: "health", provider: MetricSource(web: web), successCondition: success)
    }

    func withServer(_ response: CannedResponse, _ body: (TestHTTPServer) async throws -> Void) async throws {
        let server = try await TestHTTPServer.start { _ in response }
        try await body(server)
        await server.stop()
    }

    @Test func getSelectsTheJSONPath() async throws {
        try await withServer(CannedResponse(body: #"{"data":{"ok":true,"p99":120}}"#)) { server in
            let web = WebMetric(url: server.baseURL + "/status?x=1", headers: [WebMetricHeader(key: "X-Token", value: "abc")], jsonPath: "{$.data.ok}")
            let measurement = await WebMetricProvider().measure(metric(web, success: "result == true"), context: context())
            #expect(measurement.phase == .successful)
            #expect(measurement.value == "true")
            let request = try #require(server.requests.first)
            #expect(request.method == .GET)
            #expect(request.uri == "/status?x=1")
            #expect(request.headers["X-Token"].first == "abc")
        }
    }

    @Test func withoutJSONPathTheWholeAnswerIsTheResult() async throws {
        try await withServer(CannedResponse(body: #"{"status":"ok","latency":[120,480]}"#)) { server in
            let measurement = await WebMetricProvider().measure(metric(WebMetric(url: server.baseURL), success: "result.status == 'ok' && all(result.latency, {# < 500})"), context: context())
            #expect(measurement.phase == .successful)
            #expect(measurement.value == #"{"latency":[120,480],"status":"ok"}"#)
        }
    }

    @Test func postSendsTheJSONBody() async throws {
        try await withServer(CannedResponse(body: "0.5")) { server in
            var web = WebMetric(url: server.baseURL + "/score", jsonBody: .object(["service": .string("web")]))
            web.method = "POST"
            let measurement = await WebMetricProvider().measure(metric(web, success: "result > 0.9"), context: context())
            #expect(measurement.phase == .failed)
            let request = try #require(server.requests.first)
            #expect(request.method == .POST)
            #expect(request.body == #"{"service":"web"}"#)
            #expect(request.headers["Content-Type"].first == "application/json")
        }
    }

    @Test func putSendsTheTextBody() async throws {
        try await withServer(CannedResponse(body: "[1,2]")) { server in
            var web = WebMetric(url: server.baseURL, headers: [WebMetricHeader(key: "Content-Type", value: "text/plain")], body: "hello")
            web.method = "put"
            let measurement = await WebMetricProvider().measure(metric(web, success: "len(result) == 2"), context: context())
            #expect(measurement.phase == .successful)
            #expect(server.requests.first?.method == .PUT)
            #expect(server.requests.first?.body == "hello")
        }
    }

    @Test(arguments: [
        (CannedResponse(status: .serviceUnavailable, body: "down", contentType: "text/plain"), nil as String?, "answered HTTP 503: down"),
        (CannedResponse(body: "not json", contentType: "text/plain"), nil, "the body is not JSON: not json"),
        (CannedResponse(body: #"{"data":{}}"#), "{$.data.ok}", "jsonPath {$.data.ok} matches nothing in the response"),
        (CannedResponse(body: "{}"), "{$..ok}", "recursive descent '..' is not supported at column 3"),
    ])
    func failuresAreErrorMeasurements(_ response: CannedResponse, _ jsonPath: String?, _ fragment: String) async throws {
        try await withServer(response) { server in
            let measurement = await WebMetricProvider().measure(metric(WebMetric(url: server.baseURL, jsonPath: jsonPath)), context: context())
            #expect(measurement.phase == .error)
            #expect(measurement.message?.hasPrefix("web metric health: ") == true)
            #expect(measurement.message?.contains(fragment) == true, "\(measurement.message ?? "")")
        }
    }

    /// The answer comes 30 s late, far beyond the 1 s timeout, so a loaded machine cannot let it win the race.
    @Test func aSlowServerTimesOut() async throws {
        try await withServer(CannedResponse(body: "1", delayMilliseconds: 30_000)) { server in
            let measurement = await WebMetricProvider().measure(metric(WebMetric(url: server.baseURL, timeoutSeconds: 1)), context: context())
            #expect(measurement.phase == .error)
            #expect(measurement.message?.contains("timed out after 1s") == true)
        }
    }

    @Test func requestIsBuiltAsAValue() throws {
        var web = WebMetric(url: " https://api.local/x ")
        #expect(try web.request().isInsecure == false)
        #expect(try web.request().url == "https://api.local/x")
        #expect(try web.request().timeoutSeconds == 10)
        web.insecure = true
        #expect(try web.request().isInsecure)
        web.method = "DELETE"
        #expect(throws: ProviderError.notConfigured("web.method \"DELETE\" is not supported; use GET, POST or PUT")) { try web.request() }
        #expect(throws: ProviderError.notConfigured("web.body needs method POST or PUT")) { try WebMetric(url: "http://a", body: "x").request() }
    }
}
