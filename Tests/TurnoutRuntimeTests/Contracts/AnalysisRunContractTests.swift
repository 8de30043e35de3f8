import Synchronization
import Testing
import TurnoutCore
import TurnoutRuntime

/// The analysis-run driver over every adapter's `AnalysisRunStore`: making runs, measuring, resuming a
/// long measurement, terminating.
@Suite struct AnalysisRunContractTests {
    /// A provider like a Kubernetes Job: `measure` starts the work and answers Running (resume in 5 s);
    /// `resume` answers Running until `finishAfterResumes` looks, then a value.
    final class JobLikeProvider: MetricProvider {
        struct Calls: Equatable {
            var measures = 0
            var resumes = 0
            var terminates = 0
        }

        let clock: any InstantClock
        let finishAfterResumes: Int
        let outcome: AnalysisPhase
        private let state = Mutex(Calls())

        init(clock: any InstantClock, finishAfterResumes: Int = 1, outcome: AnalysisPhase = .successful) {
            self.clock = clock
            self.finishAfterResumes = finishAfterResumes
            self.outcome = outcome
        }

        var calls: Calls { state.withLock { $0 } }

        func measure(_ metric: Metric, context: MeasurementContext) async -> TurnoutCore.Measurement {
            state.withLock { $0.measures += 1 }
            var running = TurnoutCore.Measurement(phase: .running)
            running.resumeAt = clock.now().adding(seconds: 5).rfc3339
            running.metadata = ["job-name": "\(context.runName)-\(metric.name)", "namespace": context.namespace]
            return running
        }

        func resume(_ metric: Metric, measurement: TurnoutCore.Measurement, context: MeasurementContext) async -> TurnoutCore.Measurement {
            let resumes = state.withLock { calls in
                calls.resumes += 1
                return calls.resumes
            }
            var next = measurement
            if resumes < finishAfterResumes {
                next.resumeAt = clock.now().adding(seconds: 5).rfc3339
                return next
            }
            next.phase = outcome
            next.value = outcome == .successful ? "1" : "0"
            next.resumeAt = nil
            return next
        }

        func terminate(_ metric: Metric, measurement: TurnoutCore.Measurement, context: MeasurementContext) async -> TurnoutCore.Measurement {
            state.withLock { $0.terminates += 1 }
            var ended = measurement
            ended.phase = .successful
            ended.message = "job \(measurement.metadata?["job-name"] ?? "") deleted"
            return ended
        }
    }

    /// Answers every measurement at once with a fixed phase.
    struct InstantProvider: MetricProvider {
        var phase: AnalysisPhase
        func measure(_ metric: Metric, context: MeasurementContext) async -> TurnoutCore.Measurement {
            TurnoutCore.Measurement(phase: phase, value: "7")
        }
    }

    static func request(_ templates: [String], name: String = "demo-check") -> AnalysisRunRequest {
        AnalysisRunRequest(
            name: name, role: .background, analysis: RolloutAnalysis(templates: templates.map { AnalysisTemplateReference(templateName: $0) }),
            revisionHash: "new", stableHash: "old")
    }

    func record(_ ports: PortFixture, _ name: String = "demo-check") async throws -> AnalysisRunRecord {
        try #require(try await ports.runStore.analysisRun(ports.key.sibling(named: name)))
    }

    @Test(arguments: PortAdapter.allCases)
    func aMissingTemplateMakesAnErrorRunNamingIt(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter, templates: [PortFixture.checkTemplate()]) { ports in
            let runs = ports.analysisRuns(["web": InstantProvider(phase: .successful)])
            let rollout = try await ports.current()
            try await runs.start(Self.request(["check", "nope"]), for: rollout)
            let states = try await runs.runs(of: rollout)
            #expect(states.map(\.phase) == [.error])
            #expect(states.first?.message == "analysis templates not found: nope")
            #expect(try await record(ports).run.metadata.labels?[AnalysisRunDriver.podTemplateHashLabel] == "new")
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func startIsIdempotentAndReadingMeasuresNothing(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter, templates: [PortFixture.checkTemplate()]) { ports in
            let provider = JobLikeProvider(clock: ports.clock)
            let runs = ports.analysisRuns(["web": provider])
            let rollout = try await ports.current()
            try await runs.start(Self.request(["check"]), for: rollout)
            try await runs.start(Self.request(["check"]), for: rollout)
            #expect(try await runs.runs(of: rollout).map(\.phase) == [.running])
            #expect(provider.calls.measures == 0)
            #expect(try await ports.runStore.analysisRuns(ofRollout: ports.key).count == 1)
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func aRunningMeasurementIsResumedOnALaterPassNotWaitedFor(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter, templates: [PortFixture.checkTemplate(count: 1)]) { ports in
            let provider = JobLikeProvider(clock: ports.clock)
            let runs = ports.analysisRuns(["web": provider])
            let rollout = try await ports.current()
            try await runs.start(Self.request(["check"]), for: rollout)

            try await runs.measureDue(of: rollout)
            #expect(provider.calls == .init(measures: 1, resumes: 0))
            var result = try #require(try await record(ports).run.status?.result(named: "probe"))
            #expect(result.phase == .running)
            #expect(result.measurements?.map(\.phase) == [.running])
            #expect(result.measurements?.first?.metadata?["job-name"] == "demo-check-probe")
            #expect(result.count == nil)
            #expect(try await runs.nextMeasurement(ofRollout: ports.key) == PortFixture.start.adding(seconds: 5))

            // Before its resume time nothing is asked; a second pass does not start another measurement.
            ports.clock.advance(to: PortFixture.start.adding(seconds: 4))
            try await runs.measureDue(of: rollout)
            #expect(provider.calls == .init(measures: 1, resumes: 0))

            ports.clock.advance(to: PortFixture.start.adding(seconds: 5))
            try await runs.measureDue(of: rollout)
            #expect(provider.calls == .init(measures: 1, resumes: 1))
            let status = try #require(try await record(ports).run.status)
            result = try #require(status.result(named: "probe"))
            #expect(result.measurements?.map(\.phase) == [.successful])
            #expect(result.measurements?.first?.value == "1")
            #expect(result.count == 1)
            #expect(result.successful == 1)
            #expect(status.phase == .successful)
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func aMeasurementStillRunningIsAskedAgainAtItsNewResumeTime(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter, templates: [PortFixture.checkTemplate(count: 1)]) { ports in
            let provider = JobLikeProvider(clock: ports.clock, finishAfterResumes: 2, outcome: .failed)
            let runs = ports.analysisRuns(["web": provider])
            let rollout = try await ports.current()
            try await runs.start(Self.request(["check"]), for: rollout)
            try await runs.measureDue(of: rollout)
            ports.clock.advance(to: PortFixture.start.adding(seconds: 5))
            try await runs.measureDue(of: rollout)
            #expect(provider.calls == .init(measures: 1, resumes: 1))
            #expect(try await record(ports).run.status?.phase == .running)
            #expect(try await runs.nextMeasurement(ofRollout: ports.key) == PortFixture.start.adding(seconds: 10))
            ports.clock.advance(to: PortFixture.start.adding(seconds: 10))
            try await runs.measureDue(of: rollout)
            #expect(provider.calls == .init(measures: 1, resumes: 2))
            #expect(try await runs.runs(of: rollout).map(\.phase) == [.failed])
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func terminatingStopsTheRunningMeasurementAndEndsSuccessful(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter, templates: [PortFixture.checkTemplate()]) { ports in
            let provider = JobLikeProvider(clock: ports.clock)
            let runs = ports.analysisRuns(["web": provider])
            let rollout = try await ports.current()
            try await runs.start(Self.request(["check"]), for: rollout)
            try await runs.measureDue(of: rollout)
            try await runs.terminate(ports.key.sibling(named: "demo-check"))
            #expect(provider.calls.terminates == 1)
            let stored = try await record(ports)
            #expect(stored.isTerminated)
            #expect(stored.run.status?.phase == .successful)
            #expect(stored.run.status?.message == "terminated")
            #expect(stored.run.status?.result(named: "probe")?.measurements?.last?.message == "job demo-check-probe deleted")

            // Terminating again, or a run that does not exist, does nothing; a terminated run is not measured.
            try await runs.terminate(ports.key.sibling(named: "demo-check"))
            try await runs.terminate(ports.key.sibling(named: "missing"))
            ports.clock.advance(to: PortFixture.start.adding(seconds: 60))
            try await runs.measureDue(of: rollout)
            #expect(provider.calls == .init(measures: 1, resumes: 0, terminates: 1))
            #expect(try await record(ports) == stored)
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func terminatingAFailedRunKeepsItFailed(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter, templates: [PortFixture.checkTemplate()]) { ports in
            let runs = ports.analysisRuns(["web": InstantProvider(phase: .failed)])
            let rollout = try await ports.current()
            try await runs.start(Self.request(["check"]), for: rollout)
            try await runs.measureDue(of: rollout)
            #expect(try await runs.runs(of: rollout).map(\.phase) == [.failed])
            try await runs.terminate(ports.key.sibling(named: "demo-check"))
            let stored = try await record(ports)
            #expect(stored.isTerminated)
            #expect(stored.run.status?.phase == .failed)
        }
    }
}
