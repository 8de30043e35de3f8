import Synchronization
import Testing
import TurnoutCore

/// The one measurement loop every runtime uses: scheduling, early stop, dry-run metrics, retention.
@Suite struct AnalysisRunStatusMeasuringTests {
    static let start = Instant(secondsSinceEpoch: 1_767_225_600)

    func metric(_ name: String, interval: Double? = 10, count: Int? = nil, failureLimit: Int? = nil) -> Metric {
        var metric = Metric(name: name, provider: MetricSource())
        metric.interval = interval.map { DurationValue(seconds: $0) }
        metric.count = count.map { .int($0) }
        metric.failureLimit = failureLimit.map { .int($0) }
        return metric
    }

    /// Runs the loop at `now` with fixed phases per metric; returns the status and the (metric, due) pairs measured.
    func measure(
        _ spec: AnalysisRunSpec, status: AnalysisRunStatus = AnalysisRunStatus(phase: .running), at seconds: Double, phases: [String: AnalysisPhase]
    ) async -> (status: AnalysisRunStatus, taken: [String]) {
        var status = status
        let taken = Mutex<[String]>([])
        await status.measureDue(spec, startedAt: Self.start, now: Self.start.adding(seconds: seconds)) { metric, due in
            taken.withLock { $0.append("\(metric.name)@\(Int(due.seconds(since: Self.start)))") }
            return Measurement(phase: phases[metric.name] ?? .successful, value: "1")
        }
        return (status, taken.withLock { $0 })
    }

    @Test func takesEveryDueMeasurementInTimeOrder() async {
        let spec = AnalysisRunSpec(metrics: [metric("a", interval: 10), metric("b", interval: 15)])
        let (status, taken) = await measure(spec, at: 30, phases: [:])
        #expect(taken == ["a@0", "b@0", "a@10", "b@15", "a@20", "a@30", "b@30"])
        #expect(status.phase == .running)
        #expect(status.result(named: "a")?.count == 4)
        #expect(status.result(named: "a")?.measurements?.first?.startedAt == Self.start.rfc3339)
    }

    @Test func aFailedMetricEndsTheRunAndStopsTheOthers() async {
        let spec = AnalysisRunSpec(metrics: [metric("ok", interval: 10), metric("bad", interval: 10, failureLimit: 1)])
        let (status, taken) = await measure(spec, at: 60, phases: ["bad": .failed])
        #expect(taken == ["ok@0", "bad@0", "ok@10", "bad@10"])
        #expect(status.phase == .failed)
        #expect(status.message == "metric \"bad\" assessed Failed: 2 failed, 0 inconclusive, 0 errors")
        #expect(status.nextMeasurementTime(of: spec, startedAt: Self.start) == nil)
    }

    @Test(arguments: [AnalysisPhase.inconclusive, .error])
    func inconclusiveAndErrorEndTheRunToo(_ phase: AnalysisPhase) async {
        let spec = AnalysisRunSpec(metrics: [metric("ok", interval: 10), metric("x", interval: 10)])
        let (status, _) = await measure(spec, at: 100, phases: ["x": phase])
        #expect(status.phase == phase)
    }

    @Test func dryRunMetricsAreReportedButNotCounted() async {
        var spec = AnalysisRunSpec(metrics: [metric("ok", interval: nil), metric("noisy", interval: nil)])
        spec.dryRun = [DryRunMetric(metricName: "noisy")]
        let (status, taken) = await measure(spec, at: 0, phases: ["noisy": .failed])
        #expect(taken == ["ok@0", "noisy@0"])
        #expect(status.phase == .successful)
        #expect(status.result(named: "noisy")?.phase == .failed)
        #expect(status.result(named: "noisy")?.dryRun == true)
        #expect(status.message == nil)
    }

    @Test func aRunningDryRunMetricKeepsTheRunRunning() async {
        var spec = AnalysisRunSpec(metrics: [metric("once", interval: nil), metric("forever", interval: 10)])
        spec.dryRun = [DryRunMetric(metricName: ".*")]
        let (status, _) = await measure(spec, at: 20, phases: [:])
        #expect(status.phase == .running)
    }

    @Test func measurementRetentionKeepsTheLastMeasurements() async {
        var spec = AnalysisRunSpec(metrics: [metric("a", interval: 1), metric("b", interval: 1)])
        spec.measurementRetention = [MeasurementRetention(metricName: "a", limit: 3)]
        let (status, _) = await measure(spec, at: 20, phases: [:])
        #expect(status.result(named: "a")?.measurements?.count == 3)
        #expect(status.result(named: "a")?.count == 21)
        #expect(status.result(named: "b")?.measurements?.count == 10)
    }

    @Test func countEndsTheMetricSuccessfully() async {
        let spec = AnalysisRunSpec(metrics: [metric("a", interval: 5, count: 3)])
        let (status, taken) = await measure(spec, at: 100, phases: [:])
        #expect(taken == ["a@0", "a@5", "a@10"])
        #expect(status.phase == .successful)
    }

    @Test func aMetricThatErrorsWithoutIntervalStopsAtTheErrorLimit() async {
        let spec = AnalysisRunSpec(metrics: [metric("a", interval: nil)])
        let (status, taken) = await measure(spec, at: 0, phases: ["a": .error])
        #expect(taken.count == 5)
        #expect(status.phase == .error)
    }

    @Test func nothingIsMeasuredOnceTheRunHasEnded() async {
        let spec = AnalysisRunSpec(metrics: [metric("a", interval: 10)])
        let (status, taken) = await measure(spec, status: AnalysisRunStatus(phase: .successful), at: 100, phases: [:])
        #expect(taken.isEmpty)
        #expect(status.phase == .successful)
    }

    @Test func specFromTemplatesMergesMetricsArgsAndRules() {
        var first = AnalysisTemplateSpec(metrics: [metric("a")], args: [AnalysisArgument(name: "service", value: "web"), AnalysisArgument(name: "hash")])
        first.dryRun = [DryRunMetric(metricName: "a")]
        let second = AnalysisTemplateSpec(metrics: [metric("b")], args: [AnalysisArgument(name: "service", value: "other")])
        var analysis = RolloutAnalysis()
        analysis.measurementRetention = [MeasurementRetention(metricName: "b", limit: 2)]
        let spec = AnalysisRunSpec(
            templates: [AnalysisTemplate(metadata: ObjectMeta(name: "one"), spec: first), AnalysisTemplate(metadata: ObjectMeta(name: "two"), spec: second)],
            analysis: analysis)
        #expect(spec.metrics.map(\.name) == ["a", "b"])
        #expect(spec.args?.map(\.name) == ["service", "hash"])
        #expect(spec.args?.first?.value == "web")
        #expect(spec.isDryRun("a") && !spec.isDryRun("b"))
        #expect(spec.retentionLimit("b") == 2)
        #expect(spec.retentionLimit("a") == 10)
    }

    @Test(arguments: [
        ("a", "a", true), (".*", "anything", true), ("rate", "error-rate", false), ("error-.*", "error-rate", true),
        ("[", "[", true), ("[", "x", false),
    ])
    func dryRunNamesMatchWholeNames(_ pattern: String, _ name: String, _ matches: Bool) {
        var spec = AnalysisRunSpec(metrics: [])
        spec.dryRun = [DryRunMetric(metricName: pattern)]
        #expect(spec.isDryRun(name) == matches)
    }
}
