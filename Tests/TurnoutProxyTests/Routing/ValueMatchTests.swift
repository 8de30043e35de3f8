import Testing
import TurnoutCore
@testable import TurnoutProxy

@Suite struct ValueMatchTests {
    @Test(arguments: [
        (ValueMatch.exact("always"), "always", true),
        (.exact("always"), "Always", false),
        (.exact("always"), "always!", false),
        (.prefix("v2"), "v2.1", true),
        (.prefix("v2"), "v1", false),
        (.regex("v2\\..*"), "v2.7", true),
        (.regex("v2"), "v20", false),
        (.regex("(alpha|beta)-[0-9]+"), "beta-12", true),
        (.regex("(alpha|beta)-[0-9]+"), "gamma-12", false),
    ])
    func matchesValues(match: ValueMatch, value: String, expected: Bool) throws {
        #expect(try CompiledValueMatch(match).matches(value) == expected)
    }

    @Test func invalidRegexDoesNotCompile() {
        #expect(throws: (any Error).self) { try CompiledValueMatch(.regex("(unclosed")) }
    }

    @Test func convertsManifestMatchesWithExactFirst() {
        #expect(ValueMatch(StringMatch(exact: "a", prefix: "b")) == .exact("a"))
        #expect(ValueMatch(StringMatch(prefix: "b")) == .prefix("b"))
        #expect(ValueMatch(StringMatch(regex: "c.*")) == .regex("c.*"))
        #expect(ValueMatch(StringMatch()) == nil)
    }
}
