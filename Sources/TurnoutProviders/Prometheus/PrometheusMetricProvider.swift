import AsyncHTTPClient
import Logging
import TurnoutCore
import TurnoutRuntime

/// The `prometheus` provider: one instant (or range) query per measurement over the Prometheus HTTP API;
/// the result is judged by the metric's conditions. Failures (unreachable, non-2xx, bad JSON,
/// `status: error`, timeout) are measurements in phase Error naming the address and the query.
public struct PrometheusMetricProvider: MetricProvider {
    private let httpClient: HTTPClient
    private let clock: any InstantClock
    private let logger: Logger

    /// Creates the provider; `httpClient` is shared and shut down by its owner.
    public init(httpClient: HTTPClient = .shared, clock: any InstantClock = SystemClock(), logger: Logger = Logger(label: "turnout.analysis.prometheus")) {
        self.httpClient = httpClient
        self.clock = clock
        self.logger = logger
    }

    /// Sends one instant query to a Prometheus and returns what conditions would see as `result`.
    public func value(ofQuery query: String, at address: String) async -> Result<JSONValue, ProviderError> {
        await send(PrometheusMetric(address: address, query: query), reading: PrometheusResult.value)
    }

    /// Sends one instant query whose answer is a vector and returns its samples with their labels.
    public func samples(ofQuery query: String, at address: String) async -> Result<[PrometheusSample], ProviderError> {
        await send(PrometheusMetric(address: address, query: query), reading: PrometheusResult.samples)
    }

    /// Sends a metric's query and reads the answer.
    private func send<Value>(_ prometheus: PrometheusMetric, reading: (ProviderResponse, String) -> Result<Value, ProviderError>) async -> Result<Value, ProviderError> {
        let request: ProviderRequest
        do throws(ProviderError) {
            request = try prometheus.request(now: clock.now())
        } catch {
            return .failure(error)
        }
        return await httpClient.send(request).flatMap { reading($0, request.url) }
    }

    public func measure(_ metric: Metric, context: MeasurementContext) async -> Measurement {
        guard let prometheus = metric.provider.prometheus else {
            return Measurement(phase: .error, message: "metric \(metric.name) has no prometheus provider")
        }
        let describe = "prometheus query `\(prometheus.query ?? "")` at \(prometheus.address ?? "(no address)")"
        switch await send(prometheus, reading: PrometheusResult.value) {
        case .success(let result):
            return evaluateMeasurement(result, of: metric)
        case .failure(let error):
            logger.debug("prometheus query failed", metadata: ["analysis.run": "\(context.runName)", "analysis.metric": "\(metric.name)", "error": "\(error)"])
            return Measurement(phase: .error, message: "\(describe): \(error.description)")
        }
    }
}
