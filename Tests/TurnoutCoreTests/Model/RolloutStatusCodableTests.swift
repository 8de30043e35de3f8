import Foundation
import Testing
import TurnoutCore

@Suite struct RolloutStatusCodableTests {
    static func decode(_ json: String) throws -> RolloutStatus {
        try JSONDecoder().decode(RolloutStatus.self, from: Data(json.utf8))
    }

    static func encode(_ status: RolloutStatus, format: ObservedGenerationFormat? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let format { encoder.userInfo[.observedGenerationFormat] = format }
        return String(decoding: try encoder.encode(status), as: UTF8.self)
    }

    struct GenerationRow: Sendable, CustomTestStringConvertible {
        var json: String
        var expected: Int?
        var testDescription: String { json }
    }

    /// Argo writes `observedGeneration` as a string (`"3"`), Turnout as an integer; both read back.
    @Test(arguments: [
        GenerationRow(json: #"{"observedGeneration": 3}"#, expected: 3),
        GenerationRow(json: #"{"observedGeneration": "3"}"#, expected: 3),
        GenerationRow(json: #"{"observedGeneration": " 12 "}"#, expected: 12),
        GenerationRow(json: #"{}"#, expected: nil),
        GenerationRow(json: #"{"observedGeneration": null}"#, expected: nil),
    ])
    func observedGenerationReadsStringOrInteger(_ row: GenerationRow) throws {
        #expect(try Self.decode(row.json).observedGeneration == row.expected)
    }

    @Test func observedGenerationThatIsNoNumberIsAnErrorNamingTheField() {
        #expect(throws: DecodingError.self) { try Self.decode(#"{"observedGeneration": "abc"}"#) }
    }

    @Test func observedGenerationIsWrittenAsTheGroupWants() throws {
        var status = RolloutStatus()
        status.observedGeneration = 7
        #expect(try Self.encode(status) == #"{"observedGeneration":7}"#)
        #expect(try Self.encode(status, format: APIGroup.turnout.observedGenerationFormat) == #"{"observedGeneration":7}"#)
        #expect(try Self.encode(status, format: APIGroup.argo.observedGenerationFormat) == #"{"observedGeneration":"7"}"#)
    }

    @Test func scaleSubresourceFieldsUseArgosNames() throws {
        var status = RolloutStatus()
        status.selector = "app=demo"
        status.hpaReplicas = 4
        let json = try Self.encode(status)
        #expect(json == #"{"HPAReplicas":4,"selector":"app=demo"}"#)
        #expect(try Self.decode(json) == status)
    }

    /// Every field survives a round trip, in both generation formats.
    @Test(arguments: [ObservedGenerationFormat.integer, .string])
    func everyFieldRoundTrips(_ format: ObservedGenerationFormat) throws {
        var status = RolloutStatus()
        status.phase = .progressing
        status.message = "updating"
        status.observedGeneration = 2
        status.currentPodHash = "abc"
        status.stableRS = "def"
        status.currentStepIndex = 1
        status.pauseConditions = [PauseCondition(reason: .canaryPauseStep, startTime: Instant(secondsSinceEpoch: 1_767_225_600))]
        status.controllerPause = true
        status.abort = true
        status.abortedAt = Instant(secondsSinceEpoch: 1_767_225_601)
        status.abortReason = "analysis failed"
        status.retries = 2
        status.promoteFull = false
        status.restartedAt = "2026-01-01T00:00:00Z"
        status.replicas = 5
        status.updatedReplicas = 1
        status.readyReplicas = 4
        status.availableReplicas = 4
        var canary = CanaryStatus()
        canary.activeRoutes = ["testers"]
        status.canary = canary
        status.blueGreen = BlueGreenStatus()
        status.selector = "app=demo"
        status.hpaReplicas = 5
        let json = try Self.encode(status, format: format)
        #expect(try Self.decode(json) == status)
    }
}
