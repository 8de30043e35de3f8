import Testing
import TurnoutCore

@Suite struct SuggestionTests {
    static let fields = [
        "autoPromotionEnabled", "activeService", "previewService", "scaleDownDelaySeconds",
        "strategy", "replicas", "steps", "setWeight", "canary", "blueGreen", "name", "kind",
    ]

    @Test(arguments: [
        ("autoPromotionEnable", "autoPromotionEnabled"),   // prefix
        ("Strategy", "strategy"),                          // case only
        ("BLUEGREEN", "blueGreen"),
        ("replica", "replicas"),                           // one deletion
        ("stpes", "steps"),                                // adjacent swap
        ("setWieght", "setWeight"),
        ("activService", "activeService"),
        ("scaleDownDelay", "scaleDownDelaySeconds"),       // prefix, far in edits
        ("previewSvc", nil),
        ("image", nil),
        ("x", nil),
        ("nmae", "name"),
        ("", nil),
    ] as [(String, String?)])
    func closest(word: String, expected: String?) {
        #expect(Suggestion.closest(to: word, among: Self.fields) == expected)
    }

    @Test func caseInsensitiveEqualityBeatsCloserSpelling() {
        #expect(Suggestion.closest(to: "Steps", among: ["step", "steps"]) == "steps")
    }

    @Test func tiesGoToTheAlphabeticallyFirstCandidate() {
        #expect(Suggestion.closest(to: "cat", among: ["hat", "bat", "rat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", among: Set(["rat", "hat", "bat"])) == "bat")
    }

    @Test func noCandidates() {
        #expect(Suggestion.closest(to: "name", among: [String]()) == nil)
    }
}
