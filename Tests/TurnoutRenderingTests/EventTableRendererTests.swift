import Testing
import TurnoutService
@testable import TurnoutRendering

@Suite("EventTableRenderer")
struct EventTableRendererTests {
    @Test func rendersATable() {
        let events = [
            EventView(time: "2024-05-01T10:00:00Z", reason: "RolloutUpdated", message: "template changed", isWarning: false),
            EventView(time: "2024-05-01T10:05:00Z", reason: "RolloutAborted", message: "analysis failed", isWarning: true),
        ]
        #expect(EventTableRenderer(style: .plain).render(events) == """
            TIME                  TYPE     REASON          MESSAGE
            2024-05-01T10:00:00Z  Normal   RolloutUpdated  template changed
            2024-05-01T10:05:00Z  Warning  RolloutAborted  analysis failed
            """)
    }
}
