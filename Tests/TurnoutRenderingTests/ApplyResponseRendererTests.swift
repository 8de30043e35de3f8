import Testing
import TurnoutCore
import TurnoutService
@testable import TurnoutRendering

@Suite("ApplyResponseRenderer")
struct ApplyResponseRendererTests {
    @Test func rendersOutcomesListenersAndWarnings() {
        let response = ApplyResponse(
            outcomes: [AppliedObject(kind: "Rollout", name: "demo", result: "created"), AppliedObject(kind: "Service", name: "demo", result: "unchanged")],
            warnings: [Diagnostic(severity: .warning, location: SourceLocation(file: "r.yaml", line: 7, column: 3), path: ["spec", "replicas"], message: "odd")],
            listeners: [ListenerView(name: "service/demo", address: "127.0.0.1:8080")]
        )
        #expect(ApplyResponseRenderer.render(response) == """
            Rollout/demo created
            Service/demo unchanged
            service/demo listening on http://127.0.0.1:8080
            """)
        #expect(ApplyResponseRenderer.renderWarnings(response) == "r.yaml:7:3: warning: spec.replicas: odd")
    }
}
