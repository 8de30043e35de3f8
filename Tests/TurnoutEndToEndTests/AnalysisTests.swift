import Foundation
import Testing
import TurnoutCore

@Suite(.serialized) struct AnalysisTests {
    /// The book's rollout-with-analysis: the `pass` template lets the update finish; switched to `fail`, the
    /// update rolls back to the previous version and stays aborted until retried.
    @Test func seedPassTemplatePromotesAndFailTemplateRollsBack() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        #expect(try await daemon.cli(["apply", "-f", Fixture.seedTemplates, "-f", Fixture.seedRollout]).status == 0)
        try await daemon.waitFor("demo", "Healthy") { $0.isHealthy }

        #expect(try await daemon.cli(["set", "image", "demo", "demo=argoproj/rollouts-demo:green"]).status == 0)
        // Terminating the background run on demand ends it Successful and lets the update go on.
        let running = try await daemon.waitFor("demo", "running its background analysis") { view in
            view.analysisRuns.first?.run.status?.phase == .running
        }
        let runName = try #require(running.analysisRuns.first?.name)
        let terminated = try await daemon.cli(["terminate", "analysisrun", runName, "-o", "json"])
        #expect(terminated.status == 0, "\(terminated.stderr)")
        #expect(terminated.stdout.contains("\"terminate\" : true"), "\(terminated.stdout)")
        let passed = try await daemon.waitFor("demo", "Healthy on green after the pass template", seconds: 90) { view in
            view.isHealthy && view.revision("stable")?.images == ["argoproj/rollouts-demo:green"]
        }
        #expect(passed.analysisRuns.first?.run.status?.phase == .successful)

        let failing = try Fixture.text(Fixture.seedRollout, replacing: [("templateName: pass", "templateName: fail"), (":blue", ":yellow")])
        #expect(try await daemon.apply(text: failing, named: "fail.yaml").status == 0)
        let aborted = try await daemon.waitFor("demo", "aborted back to green", seconds: 90) { view in
            view.rollout.status?.isAborted == true && view.revisions.filter { $0.replicas > 0 }.map(\.images) == [["argoproj/rollouts-demo:green"]]
        }
        #expect(aborted.rollout.status?.phase == .degraded)
        let failedRun = try #require(aborted.analysisRuns.first)
        #expect(failedRun.run.status?.phase == .failed)
        #expect(failedRun.run.status?.metricResults?.first?.failed == 2)

        let shown = try await daemon.cli(["get", "analysisrun", failedRun.name])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("fail") && shown.stdout.contains("Failed"), "\(shown.stdout)")
        // Still aborted a while later: nothing retries by itself.
        try await Task.sleep(for: .seconds(2))
        #expect(try await daemon.rollout("demo").rollout.status?.isAborted == true)
        #expect(try await daemon.cli(["retry", "demo"]).status == 0)
        try await daemon.waitFor("demo", "progressing again after retry") { $0.rollout.status?.isAborted != true }
    }

    /// A canary answering 20 % errors is aborted by the builtin provider within two measurement intervals.
    @Test func builtinErrorRateAbortsABadCanaryAndPromotesAGoodOne() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        #expect(try await daemon.cli(["apply", "-f", Fixture.builtinAnalysis]).status == 0)
        try await daemon.waitFor("e2e-builtin", "Healthy") { $0.isHealthy }
        let load = LoadGenerator(address: try await daemon.address(of: "ingress"))
        defer { Task { _ = await load.stop() } }

        let bad = try Fixture.text(Fixture.builtinAnalysis, replacing: [(":blue", ":red"), ("args: []", #"args: ["--error-rate", "0.2"]"#)])
        #expect(try await daemon.apply(text: bad, named: "bad.yaml").status == 0)
        try await daemon.waitFor("e2e-builtin", "at 50%") { ($0.rollout.status?.currentStepIndex ?? 0) >= 1 }
        let weightInEffect = ContinuousClock.now
        let aborted = try await daemon.waitFor("e2e-builtin", "aborted by analysis", seconds: 30) { $0.rollout.status?.isAborted == true }
        let elapsed = ContinuousClock.now - weightInEffect
        #expect(elapsed < .seconds(2 * 3 + 2), "aborted after \(elapsed); interval is 3 s")
        #expect(aborted.analysisRuns.first?.run.status?.phase == .failed)

        let good = try Fixture.text(Fixture.builtinAnalysis, replacing: [(":blue", ":green")])
        #expect(try await daemon.apply(text: good, named: "good.yaml").status == 0)
        let promoted = try await daemon.waitFor("e2e-builtin", "Healthy on green", seconds: 60) { view in
            view.isHealthy && view.revision("stable")?.images == ["argoproj/rollouts-demo:green"]
        }
        #expect(promoted.analysisRuns.first?.run.status?.phase == .successful)
    }

    /// The judge fails a canary 30 % slower than stable and passes an identical one.
    @Test func judgeFailsASlowerCanaryAndPassesAnIdenticalOne() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        #expect(try await daemon.cli(["apply", "-f", Fixture.judgeAnalysis]).status == 0)
        try await daemon.waitFor("e2e-judge", "Healthy") { $0.isHealthy }
        let load = LoadGenerator(address: try await daemon.address(of: "ingress"), clients: 6)
        defer { Task { _ = await load.stop() } }

        let slower = try Fixture.text(Fixture.judgeAnalysis, replacing: [(":blue", ":red"), (#""--latency", "20""#, #""--latency", "26""#)])
        #expect(try await daemon.apply(text: slower, named: "slower.yaml").status == 0)
        let failed = try await daemon.waitFor("e2e-judge", "aborted by the judge", seconds: 60) { $0.rollout.status?.isAborted == true }
        let run = try #require(failed.analysisRuns.first)
        #expect(run.run.status?.phase == .failed, "\(String(describing: run.run.status))")

        let identical = try Fixture.text(Fixture.judgeAnalysis, replacing: [(":blue", ":green")])
        #expect(try await daemon.apply(text: identical, named: "identical.yaml").status == 0)
        let passed = try await daemon.waitFor("e2e-judge", "Healthy on green", seconds: 60) { view in
            view.isHealthy && view.revision("stable")?.images == ["argoproj/rollouts-demo:green"]
        }
        #expect(passed.analysisRuns.first?.run.status?.phase == .successful, "\(String(describing: passed.analysisRuns.first?.run.status))")
    }
}
