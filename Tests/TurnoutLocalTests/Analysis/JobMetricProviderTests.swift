import Foundation
import Testing
import TurnoutCore
import TurnoutLocal
import TurnoutRuntime

@Suite struct JobMetricProviderTests {
    static let context = MeasurementContext(runName: "run", arguments: [:], revisionHash: "new", stableHash: nil)

    /// The metric of a template whose job runs `command` (a YAML flow list), with an optional deadline.
    static func metric(_ command: String, deadline: Int? = nil) throws -> Metric {
        let yaml = """
            apiVersion: turnout.dev/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: job}
            spec:
              metrics:
              - name: check
                provider:
                  job:
                    spec:
            \(deadline.map { "          activeDeadlineSeconds: \($0)\n" } ?? "")          template:
                        spec:
                          containers:
                          - name: check
                            image: alpine
                            command: \(command)
            """
        let set = ManifestLoader.load(text: yaml, file: "job.yaml")
        guard case .analysisTemplate(let template)? = set.documents.first?.object, let metric = template.spec.metrics.first else {
            throw CancellationError()
        }
        return metric
    }

    @Test(arguments: [("[\"true\"]", AnalysisPhase.successful, "0"), ("[sh, -c, \"exit 3\"]", .failed, "3")])
    func theExitStatusDecidesTheMeasurement(command: String, phase: AnalysisPhase, value: String) async throws {
        let measurement = await JobMetricProvider().measure(try Self.metric(command), context: Self.context)
        #expect(measurement.phase == phase)
        #expect(measurement.value == value)
    }

    @Test func aJobPastItsDeadlineIsKilledAndIsAnError() async throws {
        // The job would run for 10 minutes; the 1 s deadline ends it long before, even on a loaded machine.
        let started = ContinuousClock.now
        let measurement = await JobMetricProvider().measure(try Self.metric("[sleep, \"600\"]", deadline: 1), context: Self.context)
        #expect(measurement.phase == .error)
        #expect(measurement.message == "job sleep for metric check ran longer than 1s")
        #expect(ContinuousClock.now - started < .seconds(300))
    }

    @Test func aProgramThatIsNotInstalledIsAnError() async throws {
        let measurement = await JobMetricProvider().measure(try Self.metric("[turnout-no-such-program]"), context: Self.context)
        #expect(measurement.phase == .error)
        #expect(measurement.message?.hasPrefix("run job turnout-no-such-program for metric check: ") == true)
    }
}
