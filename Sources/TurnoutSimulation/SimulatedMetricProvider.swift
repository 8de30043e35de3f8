import TurnoutCore
import TurnoutRuntime

/// Measures every metric of a simulation with the outcome given for its template (successful by default),
/// whatever the provider kind: value `0` for a success, `1` otherwise.
struct SimulatedMetricProvider: MetricProvider {
    /// The outcome of each metric by metric name, from its template's outcome.
    let outcomes: [String: AnalysisOutcome]

    /// Creates the provider from the templates and the outcome of each template by name.
    init(templates: [AnalysisTemplate], outcomes: [String: AnalysisOutcome]) {
        var byMetric: [String: AnalysisOutcome] = [:]
        for template in templates {
            for metric in template.spec.metrics where byMetric[metric.name] == nil {
                byMetric[metric.name] = outcomes[template.name] ?? .successful
            }
        }
        self.outcomes = byMetric
    }

    func measure(_ metric: Metric, context: MeasurementContext) async -> TurnoutCore.Measurement {
        let phase = outcomes[metric.name]?.measurementPhase ?? .successful
        return TurnoutCore.Measurement(phase: phase, value: phase == .successful ? "0" : "1")
    }
}
