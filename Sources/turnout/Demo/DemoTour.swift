import TurnoutCore
import TurnoutService

/// The story `turnout demo` tells: a blue-green switch, a weighted canary promoted step by step, and a canary
/// aborted back to stable, each move checked by sending real requests through the proxy.
struct DemoTour: Sendable {
    /// The runtime the tour drives.
    let runtime: any RuntimeService
    /// Who tells the story.
    let narrator: DemoNarrator
    /// How long any one wait may take.
    var waitLimit: Duration = .seconds(120)
    /// Requests sent to measure each traffic split.
    var sampleSize = 200

    /// Runs the whole tour.
    func run() async throws {
        try await blueGreen()
        try await canary()
        try await abortedCanary()
        narrator.heading("Done")
        narrator.say("Every traffic move above was checked with real requests through Turnout's proxy.")
    }

    // MARK: Chapters

    private func blueGreen() async throws {
        let name = DemoManifests.blueGreen
        narrator.heading("Blue-green: \(name)")
        try await apply(DemoManifests.blueGreenManifest, file: "\(name).yaml")
        try await waitUntil(name, "Healthy with 2 blue replicas", isHealthy)
        let active = try await address(of: "\(name)-active")
        let preview = try await address(of: "\(name)-preview")
        narrator.say("Open the demo page on the active address: http://\(active)/  (preview: http://\(preview)/)")
        try await expect(active, serving: ["blue": 100])

        narrator.say("Releasing green: set image \(DemoManifests.container)=\(DemoManifests.image("green"))")
        try await setImage(name, color: "green")
        try await waitUntil(name, "paused with green on the preview address", isWaitingForPromotion)
        try await expect(preview, serving: ["green": 100])
        try await expect(active, serving: ["blue": 100])
        narrator.say("Preview serves green while active still serves blue.")
        await narrator.pause("Look at http://\(preview)/ (green) and http://\(active)/ (blue); next: promote")

        _ = try await runtime.perform(.promote, onRollout: name, OperationRequest())
        try await waitUntil(name, "Healthy with green active", isHealthy)
        try await expect(active, serving: ["green": 100])
        narrator.say("Promoted: the active address switched to green in one atomic move; blue stays up 10s for a fast undo.")
    }

    private func canary() async throws {
        let name = DemoManifests.canary
        narrator.heading("Canary: \(name)")
        try await apply(DemoManifests.canaryManifest, file: "\(name).yaml")
        try await waitUntil(name, "Healthy with 4 blue replicas", isHealthy)
        let ingress = try await address(of: "ingress")
        narrator.say("Open the demo page through the ingress: http://\(ingress)/ — watch the bars shift colour.")
        try await expect(ingress, serving: ["blue": 100])

        narrator.say("Releasing yellow: the canary gets 20% of requests and waits for a person.")
        try await setImage(name, color: "yellow")
        try await waitUntil(name, "paused at 20%", isPaused(atStep: 1))
        try await expect(ingress, serving: ["yellow": 20, "blue": 80])
        await narrator.pause("20% of requests reach yellow; next: promote to 50%, then 80% and 100% on timers")

        _ = try await runtime.perform(.promote, onRollout: name, OperationRequest())
        try await waitUntil(name, "at 50%", isAtStep(3))
        try await expect(ingress, serving: ["yellow": 50, "blue": 50], timedStep: (name, 3, ["yellow": 80, "blue": 20]))
        try await waitUntil(name, "at 80%", isAtStep(5))
        try await expect(ingress, serving: ["yellow": 80, "blue": 20], timedStep: (name, 5, ["yellow": 100]))
        try await waitUntil(name, "Healthy with yellow stable", isHealthy)
        try await expect(ingress, serving: ["yellow": 100])
        narrator.say("Yellow is the new stable version.")
    }

    private func abortedCanary() async throws {
        let name = DemoManifests.canary
        narrator.heading("Abort: \(name)")
        let ingress = try await address(of: "ingress")
        narrator.say("Releasing red, which we decide not to trust.")
        try await setImage(name, color: "red")
        try await waitUntil(name, "paused at 20%", isPaused(atStep: 1))
        try await expect(ingress, serving: ["red": 20, "yellow": 80])
        await narrator.pause("Red gets 20%; next: abort")

        _ = try await runtime.perform(.abort, onRollout: name, OperationRequest())
        try await waitUntil(name, "aborted with all traffic on yellow", isAborted)
        try await expect(ingress, serving: ["yellow": 100])
        narrator.say("Aborted: all traffic went back to yellow; `turnout retry \(name)` would try red again.")
    }

    // MARK: Moves

    private func apply(_ manifest: String, file: String) async throws {
        let response = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: file, manifest: manifest)]))
        for outcome in response.outcomes {
            narrator.say("\(outcome.kind)/\(outcome.name) \(outcome.result)")
        }
    }

    private func setImage(_ rollout: String, color: String) async throws {
        let request = OperationRequest(container: DemoManifests.container, image: DemoManifests.image(color))
        _ = try await runtime.perform(.setImage, onRollout: rollout, request)
    }

    private func address(of listener: String) async throws -> String {
        let name = listener == "ingress" ? listener : "service/\(listener)"
        guard let view = try await runtime.listeners().first(where: { $0.name == name }) else { throw DemoError.missingListener(name) }
        return view.address
    }

    /// Sends requests through `address` and checks each colour's share is within 3 points of `expected`.
    /// For a step a timer ends (`timedStep` of rollout `name`, then `next`), a sample taken while the timer
    /// moved the rollout on may show any share between the two steps' weights.
    private func expect(_ address: String, serving expected: [String: Int], timedStep: (name: String, step: Int, next: [String: Int])? = nil) async throws {
        let sample = await TrafficSample.take(sampleSize, from: address)
        if sample.fits(between: expected, and: expected) {
            narrator.say("\(sampleSize) requests to \(address): \(sample.description)")
            return
        }
        if let timed = timedStep, (try await runtime.rollout(named: timed.name).rollout.status?.currentStepIndex ?? 0) > timed.step,
           sample.fits(between: expected, and: timed.next) {
            narrator.say("\(sampleSize) requests to \(address): \(sample.description) (the step's timer ended while they were sent)")
            return
        }
        let text = expected.sorted { $0.value > $1.value }.map { "\($0.value)% \($0.key)" }.joined(separator: ", ")
        throw DemoError.unexpectedTraffic(address: address, expected: text, observed: sample)
    }

    // MARK: Waiting

    /// Polls the rollout until `condition` holds, showing its phase and message meanwhile.
    private func waitUntil(_ name: String, _ what: String, _ condition: @Sendable (RolloutView) -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + waitLimit
        var shown = ""
        var last = ""
        while clock.now < deadline {
            let view = try await runtime.rollout(named: name)
            if condition(view) {
                narrator.endProgress()
                return
            }
            let status = view.rollout.status
            last = "\(status?.phase?.rawValue ?? "Progressing")\(status?.message.map { ": \($0)" } ?? "")"
            narrator.progress("waiting for \(name) to be \(what) — \(last)", previous: &shown)
            try await Task.sleep(for: .milliseconds(200))
        }
        narrator.endProgress()
        throw DemoError.timedOut(rollout: name, waitingFor: what, last: last)
    }

    private func isHealthy(_ view: RolloutView) -> Bool {
        let status = view.rollout.status
        return status?.phase == .healthy && status?.observedGeneration == view.rollout.metadata.generation
            && view.revisions.filter { $0.replicas > 0 }.count == 1
    }

    private func isWaitingForPromotion(_ view: RolloutView) -> Bool {
        let status = view.rollout.status
        let pausedForPerson = status?.activePauseConditions.contains { $0.reason == .blueGreenPause } ?? false
        let preview = view.revisions.first { $0.roles.contains("preview") }
        return pausedForPerson && preview.map { $0.ready == $0.replicas && $0.replicas > 0 } == true
    }

    private func isPaused(atStep step: Int) -> @Sendable (RolloutView) -> Bool {
        { view in
            let status = view.rollout.status
            return status?.currentStepIndex == step && (status?.activePauseConditions.contains { $0.reason == .canaryPauseStep } ?? false)
        }
    }

    private func isAtStep(_ step: Int) -> @Sendable (RolloutView) -> Bool {
        { view in (view.rollout.status?.currentStepIndex ?? 0) >= step }
    }

    private func isAborted(_ view: RolloutView) -> Bool {
        guard let status = view.rollout.status, status.isAborted else { return false }
        return view.traffic.map { $0.canary == $0.stable || ($0.canaryWeight ?? 0) == 0 } ?? false
    }
}
