import Testing
import TurnoutCore

/// Argo's rules for turning a raw result and a metric's conditions into a measurement phase.
@Suite struct MeasurementEvaluationTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var success: String?
        var failure: String?
        var result: JSONValue
        var phase: AnalysisPhase
        var testDescription: String { "success=\(success ?? "-") failure=\(failure ?? "-") result=\(result.measurementText)" }

        init(_ success: String?, _ failure: String?, _ result: JSONValue, _ phase: AnalysisPhase) {
            self.success = success
            self.failure = failure
            self.result = result
            self.phase = phase
        }
    }

    static let rows: [Row] = [
        Row(nil, nil, .double(0.5), .successful),
        Row("result >= 0.95", nil, .double(0.97), .successful),
        Row("result >= 0.95", nil, .double(0.90), .failed),
        Row(nil, "result > 0.05", .double(0.10), .failed),
        Row(nil, "result > 0.05", .double(0.01), .successful),
        Row("result >= 0.95", "result < 0.5", .double(0.97), .successful),
        Row("result >= 0.95", "result < 0.5", .double(0.3), .failed),
        Row("result >= 0.95", "result < 0.5", .double(0.7), .inconclusive),
        Row("result > 0", "result > 0", .int(1), .failed),
        Row("result[0] >= 0.95", nil, .array([.double(0.99)]), .successful),
        Row("result[0] >= 0.95", nil, .double(0.99), .successful),
        Row("all(result, {# < 500})", nil, .array([.int(120), .int(480)]), .successful),
        Row("result.data.ok == true", nil, .object(["data": .object(["ok": .bool(true)])]), .successful),
        Row("", "  ", .double(0.1), .successful),
        Row("result >= 0.95", nil, .double(.nan), .failed),
        Row("isNaN(result) || result >= 0.95", nil, .double(.nan), .successful),
    ]

    @Test(arguments: rows)
    func phaseFollowsConditions(_ row: Row) {
        let metric = Metric(name: "m", provider: MetricSource(), successCondition: row.success, failureCondition: row.failure)
        #expect(evaluateMeasurement(row.result, of: metric).phase == row.phase)
    }

    @Test func valueIsStoredAsText() {
        let metric = Metric(name: "m", provider: MetricSource(), successCondition: "result[0] > 0")
        let measurement = evaluateMeasurement(.array([.double(0.5), .int(1)]), of: metric)
        #expect(measurement.value == "[0.5,1]")
        #expect(measurement.message == nil)
    }

    @Test(arguments: [
        ("result >=" as String?, nil as String?, "successCondition `result >=`: unexpected end of expression at column 10"),
        ("result > 'a'", nil, "successCondition `result > 'a'`: cannot compare number and string at column 8"),
        ("result + 1", nil, "successCondition `result + 1`: a condition must evaluate to a bool, got number at column 1"),
        (nil, "resutl > 1", "failureCondition `resutl > 1`: unknown name 'resutl' at column 1; did you mean 'result'?"),
    ])
    func brokenConditionIsAnErrorWithTheMessage(_ success: String?, _ failure: String?, _ message: String) {
        let metric = Metric(name: "m", provider: MetricSource(), successCondition: success, failureCondition: failure)
        let measurement = evaluateMeasurement(.double(1), of: metric)
        #expect(measurement.phase == .error)
        #expect(measurement.message == message)
    }

    @Test func providerMayDecideWithoutConditions() {
        let metric = Metric(name: "m", provider: MetricSource())
        #expect(evaluateMeasurement(.int(3), of: metric, phaseWithoutConditions: .inconclusive).phase == .inconclusive)
        var conditioned = metric
        conditioned.successCondition = "result == 3"
        #expect(evaluateMeasurement(.int(3), of: conditioned, phaseWithoutConditions: .failed).phase == .successful)
    }
}
