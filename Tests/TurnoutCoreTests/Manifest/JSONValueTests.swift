import Foundation
import Testing
import TurnoutCore

@Suite struct JSONValueTests {
    typealias Expected = ManifestFixture.Expected

    static let sample: JSONValue = .object([
        "name": .string("web"),
        "replicas": .int(3),
        "ratio": .double(0.95),
        "enabled": .bool(true),
        "nothing": .null,
        "ports": .array([.int(80), .string("443")]),
        "nested": .object(["deep": .array([.object([:]), .array([])])]),
    ])

    @Test func roundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(Self.sample)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == Self.sample)
    }

    @Test func decodesFromYAMLKeepingScalarKinds() {
        let yaml = """
        name: web
        replicas: 3
        ratio: 0.95
        enabled: true
        nothing: ~
        ports: [80, "443"]
        nested: {deep: [{}, []]}
        """
        let result = ManifestFixture.decode(JSONValue.self, yaml)
        #expect(result.diagnostics.isEmpty)
        #expect(result.value == Self.sample)
    }

    @Test(arguments: [
        ("10", JSONValue.int(10)),
        ("\"10\"", .string("10")),
        ("'true'", .string("true")),
        ("0x1F", .int(31)),
        ("0755", .int(493)),
        ("1_000", .int(1000)),
        ("-7", .int(-7)),
        ("1e3", .double(1000)),
        (".5", .double(0.5)),
        ("yes", .bool(true)),
        ("Off", .bool(false)),
        ("null", .null),
        ("", .null),
        (".inf", .string(".inf")),
        ("2024-01-02", .string("2024-01-02")),
        ("99999999999999999999", .double(1e20)),
        ("|\n  text\n", .string("text\n")),
        ("!!str 12", .string("12")),
        ("!!int \"12\"", .int(12)),
    ] as [(String, JSONValue)])
    func scalar(yaml: String, expected: JSONValue) {
        let result = ManifestFixture.decode([String: JSONValue].self, "value: \(yaml)")
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?["value"] == expected)
    }

    @Test func conveniences() {
        let value = Self.sample
        #expect(value["name"]?.stringValue == "web")
        #expect(value["replicas"]?.intValue == 3)
        #expect(value["replicas"]?.doubleValue == 3.0)
        #expect(value["ratio"]?.doubleValue == 0.95)
        #expect(value["ratio"]?.intValue == nil)
        #expect(value["enabled"]?.boolValue == true)
        #expect(value["ports"]?[1]?.stringValue == "443")
        #expect(value["ports"]?[5] == nil)
        #expect(value["ports"]?[-1] == nil)
        #expect(value["nested"]?.objectValue?.count == 1)
        #expect(value["ports"]?.arrayValue?.count == 2)
        #expect(value["missing"] == nil)
        #expect(JSONValue.string("x")["key"] == nil)
        #expect(JSONValue.null.stringValue == nil)
    }

    @Test func integralDoubleComesBackAsInt() throws {
        let data = try JSONEncoder().encode(JSONValue.double(2))
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == .int(2))
    }

    @Test func mergeKeysApplyInsideJSONValues() {
        let yaml = """
        base: &base {a: 1, b: 2}
        value:
          <<: *base
          b: 3
        """
        let result = ManifestFixture.decode([String: JSONValue].self, yaml)
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?["value"] == .object(["a": .int(1), "b": .int(3)]))
    }

    @Test func complexKeyIsAnError() {
        let result = ManifestFixture.decode(JSONValue.self, "? [a, b]\n: 1\n")
        #expect(result.value == nil)
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 1, 3, "", "expected a string as field name, got a list"),
        ])
    }
}
