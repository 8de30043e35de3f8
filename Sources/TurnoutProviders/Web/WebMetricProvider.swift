import AsyncHTTPClient
import Logging
import TurnoutCore
import TurnoutRuntime

/// The `web` provider: one HTTP request per measurement; the JSON answer (or its `jsonPath` selection) is
/// judged by the metric's conditions. Failures are measurements in phase Error naming the URL.
public struct WebMetricProvider: MetricProvider {
    private let httpClient: HTTPClient
    private let logger: Logger

    /// Creates the provider; `httpClient` is shared and shut down by its owner.
    public init(httpClient: HTTPClient = .shared, logger: Logger = Logger(label: "turnout.analysis.web")) {
        self.httpClient = httpClient
        self.logger = logger
    }

    public func measure(_ metric: Metric, context: MeasurementContext) async -> Measurement {
        guard let web = metric.provider.web else {
            return Measurement(phase: .error, message: "metric \(metric.name) has no web provider")
        }
        let request: ProviderRequest
        do throws(ProviderError) {
            request = try web.request()
        } catch {
            return Measurement(phase: .error, message: "web metric \(metric.name): \(error.description)")
        }
        switch await httpClient.send(request).flatMap({ web.result(of: $0, url: request.url) }) {
        case .success(let result):
            return evaluateMeasurement(result, of: metric)
        case .failure(let error):
            logger.debug("web metric failed", metadata: ["analysis.run": "\(context.runName)", "analysis.metric": "\(metric.name)", "error": "\(error)"])
            return Measurement(phase: .error, message: "web metric \(metric.name): \(error.description)")
        }
    }
}
