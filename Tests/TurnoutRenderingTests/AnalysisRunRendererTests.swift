import Testing
import TurnoutCore
import TurnoutService
@testable import TurnoutRendering
import TurnoutServiceFixtures

@Suite("AnalysisRunRenderer")
struct AnalysisRunRendererTests {
    @Test func rendersEveryMeasurement() {
        var view = RolloutFixtures.analysisRun
        var failed = Measurement(phase: .error, value: nil, message: "connection refused")
        failed.finishedAt = "2024-05-01T10:01:00Z"
        view.run.status?.metricResults?[0].measurements?.append(failed)
        view.run.status?.metricResults?[0].error = 1
        view.run.status?.metricResults?[0].count = 3
        #expect(AnalysisRunRenderer(style: .plain).render(view) == """
            Name:       canary-demo-6cf78c66c5-2
            Role:       background
            Status:     ◌ Running
            Started:    2024-05-01T09:59:59Z

            Metric success-rate: ◌ Running
              Count: 3  Successful: 2  Failed: 0  Inconclusive: 0  Error: 1  Consecutive errors: 0
              TIME                  VALUE  PHASE         MESSAGE
              2024-05-01T10:00:00Z  0.99   ✔ Successful
              2024-05-01T10:00:30Z  0.97   ✔ Successful
              2024-05-01T10:01:00Z  -      ⚠ Error       connection refused
            """)
    }

    @Test func listsMetricsNotMeasuredYet() {
        var view = RolloutFixtures.analysisRun
        view.run.status?.metricResults = []
        #expect(AnalysisRunRenderer(style: .plain).render(view).hasSuffix("Metric success-rate: ◌ Pending, not measured yet"))
    }
}
