import Foundation
import Testing
import TurnoutCore

@Suite struct DiagnosticTests {
    static let location = SourceLocation(file: "rollout.yaml", line: 12, column: 7)

    @Test(arguments: [
        (Diagnostic(
            severity: .warning, location: location,
            path: ["spec", "strategy", "blueGreen", "autoPromotionEnable"],
            message: "unknown field", fix: "did you mean `autoPromotionEnabled`?"
        ), "rollout.yaml:12:7: warning: spec.strategy.blueGreen.autoPromotionEnable: unknown field; did you mean `autoPromotionEnabled`?"),
        (Diagnostic(severity: .error, location: location, path: ["spec", "replicas"], message: "expected an integer, got the string \"10\"", fix: "remove the quotes"),
         "rollout.yaml:12:7: spec.replicas: expected an integer, got the string \"10\"; remove the quotes"),
        (Diagnostic(severity: .error, location: location, message: "not UTF-8 text"),
         "rollout.yaml:12:7: not UTF-8 text"),
        (Diagnostic(severity: .warning, location: location, path: [], message: "odd", fix: nil),
         "rollout.yaml:12:7: warning: odd"),
    ] as [(Diagnostic, String)])
    func rendered(diagnostic: Diagnostic, expected: String) {
        #expect(diagnostic.rendered == expected)
        #expect(diagnostic.description == expected)
    }

    @Test func severityDecidesIsError() {
        #expect(Diagnostic(severity: .error, location: Self.location, message: "x").isError)
        #expect(!Diagnostic(severity: .warning, location: Self.location, message: "x").isError)
    }

    @Test func codableRoundTrip() throws {
        let diagnostic = Diagnostic(
            severity: .warning, location: Self.location, path: ["spec", .index(0)], message: "m", fix: "f"
        )
        let data = try JSONEncoder().encode(diagnostic)
        #expect(try JSONDecoder().decode(Diagnostic.self, from: data) == diagnostic)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["severity"] as? String == "warning")
        #expect(object?["path"] as? String == "spec[0]")
    }
}
