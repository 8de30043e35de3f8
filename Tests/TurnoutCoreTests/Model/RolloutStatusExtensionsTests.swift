import Testing
import TurnoutCore

@Suite struct RolloutStatusExtensionsTests {
    static func retried() -> Rollout {
        var rollout = Rollout(apiVersion: APIGroup.argo.version, metadata: ObjectMeta(name: "demo", annotations: ["team": "web"]), spec: RolloutSpec())
        var status = RolloutStatus()
        status.retries = 2
        status.abortReason = "analysis failed"
        status.stableRS = "abc"
        var canary = CanaryStatus()
        canary.activeRoutes = ["testers", "shadow"]
        status.canary = canary
        rollout.status = status
        return rollout
    }

    @Test func argoGroupMovesTurnoutFieldsToAnnotationsAndBack() {
        let stored = Self.retried().storingStatusExtensions(for: .argo)
        #expect(stored.status?.retries == nil)
        #expect(stored.status?.abortReason == nil)
        #expect(stored.status?.canary?.activeRoutes == nil)
        #expect(stored.status?.stableRS == "abc")
        #expect(stored.metadata.annotations == [
            "team": "web",
            StatusExtensionAnnotation.retries: "2",
            StatusExtensionAnnotation.abortReason: "analysis failed",
            StatusExtensionAnnotation.activeRoutes: "testers,shadow",
        ])
        #expect(stored.loadingStatusExtensions(for: .argo).status == Self.retried().status)
    }

    @Test func turnoutGroupKeepsThemInStatus() {
        #expect(Self.retried().storingStatusExtensions(for: .turnout) == Self.retried())
        #expect(Self.retried().loadingStatusExtensions(for: .turnout) == Self.retried())
    }

    /// A pruning API server drops the fields from status; the annotations still name the next run correctly.
    @Test func prunedStatusIsRestoredFromAnnotations() {
        var pruned = Self.retried().storingStatusExtensions(for: .argo)
        pruned.status = pruned.status?.withoutExtensions
        #expect(pruned.loadingStatusExtensions(for: .argo).status?.retries == 2)
    }

    /// Stale annotations go when the field is cleared (a retry clears the abort reason).
    @Test func clearedFieldsRemoveTheirAnnotation() {
        var rollout = Self.retried().storingStatusExtensions(for: .argo).loadingStatusExtensions(for: .argo)
        rollout.status?.abortReason = nil
        rollout.status?.canary?.activeRoutes = nil
        let stored = rollout.storingStatusExtensions(for: .argo)
        #expect(stored.metadata.annotations?[StatusExtensionAnnotation.abortReason] == nil)
        #expect(stored.metadata.annotations?[StatusExtensionAnnotation.activeRoutes] == nil)
        #expect(stored.metadata.annotations?[StatusExtensionAnnotation.retries] == "2")
    }

    @Test(arguments: ["-1", "two", ""])
    func malformedRetriesAnnotationIsIgnored(_ text: String) {
        let status = RolloutStatus().restoringExtensions(from: [StatusExtensionAnnotation.retries: text])
        #expect(status.retries == nil)
    }
}
