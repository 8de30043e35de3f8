import Foundation
import Testing
import TurnoutCore
import Yams

@Suite struct NodeDecoderTests {
    typealias Expected = ManifestFixture.Expected

    static let rollout = """
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: web
      namespace: shop
      labels:
        app: web
    spec:
      replicas: 5
      minReadySeconds: 10
      strategy:
        canary:
          maxSurge: "25%"
          steps:
          - setWeight: 20
          - pause: {duration: 1h}
          - setWeight: 60
          - pause: {}
    """

    @Test func validManifestDecodesWithoutDiagnostics() {
        let result = ManifestFixture.decode(ManifestFixture.Rollout.self, Self.rollout)
        #expect(result.diagnostics.isEmpty)
        let rollout = result.value
        #expect(rollout?.metadata == ManifestFixture.Metadata(name: "web", namespace: "shop", labels: ["app": "web"]))
        #expect(rollout?.spec?.replicas == 5)
        #expect(rollout?.spec?.strategy?.canary?.maxSurge == .string("25%"))
        #expect(rollout?.spec?.strategy?.canary?.steps == [
            ManifestFixture.Step(setWeight: 20), ManifestFixture.Step(pause: ManifestFixture.Pause(duration: "1h")),
            ManifestFixture.Step(setWeight: 60), ManifestFixture.Step(pause: ManifestFixture.Pause()),
        ])
    }

    // MARK: Scalars

    struct Scalars: Decodable {
        var int: Int?
        var uint8: UInt8?
        var double: Double?
        var float: Float?
        var bool: Bool?
        var string: String?
        var list: [String]?
        var map: [String: String]?
        var phase: ManifestFixture.Phase?
        var weight: ManifestFixture.Weight?
        var decimal: Decimal?
        var url: URL?
        var other: String?
    }

    @Test(arguments: [
        ("int: \"10\"", Expected(.error, 1, 6, "int", "expected an integer, got the string \"10\"", fix: "remove the quotes")),
        ("int: '-3'", Expected(.error, 1, 6, "int", "expected an integer, got the string \"-3\"", fix: "remove the quotes")),
        ("int: 1.5", Expected(.error, 1, 6, "int", "expected an integer, got the number 1.5")),
        ("int: ten", Expected(.error, 1, 6, "int", "expected an integer, got the string \"ten\"")),
        ("int: [1]", Expected(.error, 1, 6, "int", "expected an integer, got a list")),
        ("int: {a: 1}", Expected(.error, 1, 6, "int", "expected an integer, got a mapping")),
        ("int: true", Expected(.error, 1, 6, "int", "expected an integer, got the boolean true")),
        ("int: 99999999999999999999", Expected(.error, 1, 6, "int",
            "expected an integer from -9223372036854775808 to 9223372036854775807, got 99999999999999999999")),
        ("uint8: 300", Expected(.error, 1, 8, "uint8", "expected an integer from 0 to 255, got 300")),
        ("uint8: -1", Expected(.error, 1, 8, "uint8", "expected an integer from 0 to 255, got -1")),
        ("double: \"0.5\"", Expected(.error, 1, 9, "double", "expected a number, got the string \"0.5\"", fix: "remove the quotes")),
        ("double: abc", Expected(.error, 1, 9, "double", "expected a number, got the string \"abc\"")),
        ("float: 1e39", Expected(.error, 1, 8, "float", "the number 1e+39 is too large")),
        ("bool: \"true\"", Expected(.error, 1, 7, "bool", "expected true or false, got the string \"true\"", fix: "remove the quotes")),
        ("bool: 1", Expected(.error, 1, 7, "bool", "expected true or false, got the integer 1")),
        ("string: [a]", Expected(.error, 1, 9, "string", "expected a string, got a list")),
        ("string: {a: b}", Expected(.error, 1, 9, "string", "expected a string, got a mapping")),
        ("list: x", Expected(.error, 1, 7, "list", "expected a list, got the string \"x\"", fix: "start each list item with `- `")),
        ("list: {a: b}", Expected(.error, 1, 7, "list", "expected a list, got a mapping", fix: "start each list item with `- `")),
        ("map: [a]", Expected(.error, 1, 6, "map", "expected a mapping, got a list")),
        ("map: a:b", Expected(.error, 1, 6, "map", "expected a mapping, got the string \"a:b\"", fix: "put a space after `:` to make it a field")),
        ("phase: Helthy", Expected(.error, 1, 8, "phase", "unknown value `Helthy`, expected one of `Healthy`, `Degraded`, `Paused`",
            fix: "did you mean `Healthy`?")),
        ("weight: 150", Expected(.error, 1, 9, "weight", "weight must be between 0 and 100, got 150")),
        ("weight: \"50\"", Expected(.error, 1, 9, "weight", "expected an integer, got the string \"50\"", fix: "remove the quotes")),
        ("decimal: x", Expected(.error, 1, 10, "decimal", "expected a number, got the string \"x\"")),
    ] as [(String, Expected)])
    func scalarMismatch(yaml: String, expected: Expected) {
        let result = ManifestFixture.decode(Scalars.self, yaml + "\nother: still read\n")
        #expect(ManifestFixture.summarize(result.diagnostics) == [expected])
        #expect(result.value?.other == "still read")
    }

    @Test func scalarValues() throws {
        let yaml = """
        int: 0x10
        uint8: 255
        double: 1
        float: .5
        bool: yes
        string: 0.95
        list: [a, 1, true]
        map: {a: 1, b: ~x}
        phase: Degraded
        weight: 50
        decimal: 0.1
        url: https://example.com/a?b=c
        """
        let result = ManifestFixture.decode(Scalars.self, yaml)
        #expect(result.diagnostics.isEmpty)
        let value = try #require(result.value)
        #expect(value.int == 16)
        #expect(value.uint8 == 255)
        #expect(value.double == 1.0)
        #expect(value.float == 0.5)
        #expect(value.bool == true)
        #expect(value.string == "0.95")
        #expect(value.list == ["a", "1", "true"])
        #expect(value.map == ["a": "1", "b": "~x"])
        #expect(value.phase == .degraded)
        #expect(value.weight == ManifestFixture.Weight(value: 50))
        #expect(value.decimal == Decimal(string: "0.1"))
        #expect(value.url?.host == "example.com")
    }

    @Test(arguments: ["int: ~", "int: null", "int:", "int: NULL", "{int: }"])
    func nullCountsAsAbsent(yaml: String) {
        let result = ManifestFixture.decode(Scalars.self, yaml)
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?.int == nil)
    }

    struct RequiredCount: Decodable {
        var count: Int
    }

    @Test func nullForARequiredValue() {
        let result = ManifestFixture.decode(RequiredCount.self, "count: ~")
        #expect(result.value == nil)
        #expect(ManifestFixture.summarize(result.diagnostics) == [Expected(.error, 1, 8, "count", "expected an integer, got null")])
    }

    @Test func optionalElementsAndDecodeNil() {
        let result = ManifestFixture.decode([Int?].self, "[1, ~, 3, null]")
        #expect(result.diagnostics.isEmpty)
        #expect(result.value == [1, nil, 3, nil])
    }

    // MARK: Keys

    @Test(arguments: [
        ("spec:\n  Strategy:\n    canary: {}\n", [
            Expected(.warning, 2, 3, "spec.strategy", "`Strategy` should be spelled `strategy`", fix: "accepted as `strategy`"),
        ]),
        ("spec:\n  strategy:\n    bluegreen: {activeService: web}\n", [
            Expected(.warning, 3, 5, "spec.strategy.blueGreen", "`bluegreen` should be spelled `blueGreen`", fix: "accepted as `blueGreen`"),
        ]),
        ("spec:\n  strategy:\n    Canary: {}\n", [
            Expected(.warning, 3, 5, "spec.strategy.canary", "`Canary` should be spelled `canary`", fix: "accepted as `canary`"),
        ]),
    ] as [(String, [Expected])])
    func keyWithOtherCaseIsAcceptedWithAWarning(body: String, expected: [Expected]) {
        let result = ManifestFixture.decode(ManifestFixture.Rollout.self, "apiVersion: v1\nkind: Rollout\nmetadata: {name: web}\n" + body)
        #expect(ManifestFixture.summarize(result.diagnostics) == expected.map { shifted($0, by: 3) })
        #expect(result.value?.spec?.strategy != nil)
        #expect(result.value?.spec?.strategy?.canary != nil || result.value?.spec?.strategy?.blueGreen?.activeService == "web")
    }

    @Test func exactKeyWinsOverOtherCase() {
        let result = ManifestFixture.decode(ManifestFixture.Strategy.self, "canary: {}\nCanary: {steps: []}\n")
        #expect(result.value?.canary == ManifestFixture.Canary())
        #expect(ManifestFixture.summarize(result.diagnostics) == [Expected(.warning, 2, 1, "Canary", "unknown field `Canary`")])
    }

    @Test func ambiguousCaseMatchesAreNotGuessed() {
        let result = ManifestFixture.decode(ManifestFixture.Strategy.self, "Canary: {}\nCANARY: {}\n")
        #expect(result.value?.canary == nil)
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.warning, 1, 1, "Canary", "unknown field `Canary`", fix: "did you mean `canary`?"),
            Expected(.warning, 2, 1, "CANARY", "unknown field `CANARY`", fix: "did you mean `canary`?"),
        ])
    }

    @Test(arguments: [
        ("activeService: web\nautoPromotionEnable: true\n",
         Expected(.warning, 2, 1, "autoPromotionEnable", "unknown field `autoPromotionEnable`", fix: "did you mean `autoPromotionEnabled`?")),
        ("activeService: web\npreviewServce: preview\n",
         Expected(.warning, 2, 1, "previewServce", "unknown field `previewServce`", fix: "did you mean `previewService`?")),
        ("activeService: web\nimage: nginx\n",
         Expected(.warning, 2, 1, "image", "unknown field `image`")),
        ("activeService: web\nactiveServices: other\n",
         Expected(.warning, 2, 1, "activeServices", "unknown field `activeServices`")),
        ("activeService: web\n? [complex]\n: key\n",
         Expected(.error, 2, 3, "", "expected a string as field name, got a list")),
    ] as [(String, Expected)])
    func unknownField(yaml: String, expected: Expected) {
        let result = ManifestFixture.decode(ManifestFixture.BlueGreen.self, yaml)
        #expect(result.value?.activeService == "web")
        #expect(ManifestFixture.summarize(result.diagnostics) == [expected])
    }

    @Test func unknownFieldsAreFoundAtEveryLevel() {
        let yaml = """
        apiVersion: v1
        kind: Rollout
        metadata: {name: web, nmespace: x}
        spec:
          replica: 3
          strategy:
            canary:
              steps:
              - setWeigth: 10
              - pause: {duraton: 5m}
        status: {}
        """
        let result = ManifestFixture.decode(ManifestFixture.Rollout.self, yaml, file: "r.yaml")
        #expect(result.diagnostics.map(\.rendered) == [
            "r.yaml:3:23: warning: metadata.nmespace: unknown field `nmespace`; did you mean `namespace`?",
            "r.yaml:5:3: warning: spec.replica: unknown field `replica`; did you mean `replicas`?",
            "r.yaml:9:9: warning: spec.strategy.canary.steps[0].setWeigth: unknown field `setWeigth`; did you mean `setWeight`?",
            "r.yaml:10:17: warning: spec.strategy.canary.steps[1].pause.duraton: unknown field `duraton`; did you mean `duration`?",
            "r.yaml:11:1: warning: status: unknown field `status`",
        ])
    }

    @Test func jsonValueAndDictionaryFieldsReadEveryKey() {
        struct Provider: Decodable {
            var name: String
            var args: JSONValue?
            var labels: [String: String]?
        }
        let yaml = "name: web\nargs: {query: up, nested: {deep: [1, {x: y}]}}\nlabels: {a: b, c: d}\n"
        let result = ManifestFixture.decode(Provider.self, yaml)
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?.args?["nested"]?["deep"]?[1]?["x"]?.stringValue == "y")
        #expect(result.value?.labels == ["a": "b", "c": "d"])
    }

    @Test func missingRequiredField() {
        let yaml = "apiVersion: v1\nkind: Rollout\nmetadata:\n  namespace: shop\n"
        let result = ManifestFixture.decode(ManifestFixture.Rollout.self, yaml)
        #expect(result.value == nil)
        #expect(ManifestFixture.summarize(result.diagnostics) == [Expected(.error, 4, 3, "metadata.name", "missing required field `name`")])
    }

    @Test func missingRequiredFieldSuggestsAMisspelledKey() {
        let result = ManifestFixture.decode(ManifestFixture.Metadata.self, "nmae: web\nnamespace: shop\n")
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 1, 1, "name", "missing required field `name`", fix: "rename `nmae` to `name`"),
        ])
    }

    @Test func mergeKeys() {
        let yaml = """
        defaults: &defaults {activeService: web, scaleDownDelaySeconds: 30, typo: 1}
        service:
          <<: *defaults
          scaleDownDelaySeconds: 60
        """
        let result = ManifestFixture.decode([String: JSONValue].self, yaml)
        #expect(result.diagnostics.isEmpty)
        struct Holder: Decodable {
            var defaults: JSONValue
            var service: ManifestFixture.BlueGreen
        }
        let typed = ManifestFixture.decode(Holder.self, yaml)
        #expect(typed.value?.service == ManifestFixture.BlueGreen(activeService: "web", scaleDownDelaySeconds: 60))
        #expect(ManifestFixture.summarize(typed.diagnostics) == [Expected(.warning, 1, 69, "service.typo", "unknown field `typo`")])
        let bad = ManifestFixture.decode(Holder.self, "defaults: 1\nservice:\n  <<: [1]\n  activeService: web\n")
        #expect(ManifestFixture.summarize(bad.diagnostics) == [
            Expected(.error, 3, 8, "service", "`<<` can merge only mappings, got the integer 1",
                     fix: "merge an anchored mapping, as in `<<: *defaults`"),
        ])
    }

    // MARK: Failures are reported once, and decoding goes on

    @Test func deepFailureIsReportedOnceAtTheOffendingNode() {
        let yaml = Self.rollout.replacingOccurrences(of: "- setWeight: 60", with: "- setWeight: sixty")
        let result = ManifestFixture.decode(ManifestFixture.Rollout.self, yaml)
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 17, 20, "spec.strategy.canary.steps[2].setWeight", "expected an integer, got the string \"sixty\""),
        ])
        #expect(result.value?.spec?.replicas == 5)
        #expect(result.value?.spec?.strategy?.canary?.steps?.count == 4)
    }

    @Test func requiredFailurePropagatesToTheNearestOptionalField() {
        let yaml = """
        apiVersion: v1
        kind: Rollout
        metadata: {name: web}
        spec:
          replicas: 2
          strategy:
            blueGreen: {previewService: preview, scaleDownDelaySeconds: "30"}
        """
        let result = ManifestFixture.decode(ManifestFixture.Rollout.self, yaml)
        // `activeService` is decoded first and is required: the step fails there, once.
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 7, 16, "spec.strategy.blueGreen.activeService", "missing required field `activeService`"),
        ])
        #expect(result.value?.spec?.replicas == 2)
        #expect(result.value?.spec?.strategy?.blueGreen == nil)
    }

    @Test func everyBadListElementIsReported() {
        let yaml = """
        steps:
        - setWeight: x
        - setWeight: 10
        - setWeight: [1]
        maxSurge: 1
        """
        let result = ManifestFixture.decode(ManifestFixture.Canary.self, yaml)
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 2, 14, "steps[0].setWeight", "expected an integer, got the string \"x\""),
            Expected(.error, 4, 14, "steps[2].setWeight", "expected an integer, got a list"),
        ])
        // `setWeight` is optional, so each step still decodes, without its bad weight.
        #expect(result.value?.steps == [ManifestFixture.Step(), ManifestFixture.Step(setWeight: 10), ManifestFixture.Step()])
        #expect(result.value?.maxSurge == .int(1))
    }

    @Test func everyBadDictionaryValueIsReported() {
        let result = ManifestFixture.decode(ManifestFixture.Metadata.self, "name: web\nlabels: {a: x, b: [1], c: {d: e}}\n")
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 2, 19, "labels.b", "expected a string, got a list"),
            Expected(.error, 2, 27, "labels.c", "expected a string, got a mapping"),
        ])
        #expect(result.value?.name == "web")
        #expect(result.value?.labels == nil)
    }

    @Test func rootFailureGivesNoValue() {
        let result = ManifestFixture.decode(ManifestFixture.Rollout.self, "- not a mapping\n")
        #expect(result.value == nil)
        #expect(ManifestFixture.summarize(result.diagnostics) == [Expected(.error, 1, 1, "", "expected a mapping, got a list")])
    }

    @Test func pathPrefix() {
        let result = ManifestFixture.decode(ManifestFixture.Spec.self, "replicas: x\n", at: ["items", 3, "spec"])
        #expect(result.diagnostics.map(\.path.description) == ["items[3].spec.replicas"])
    }

    /// `expected` with its line moved down by `lines`.
    private func shifted(_ expected: Expected, by lines: Int) -> Expected {
        var copy = expected
        copy.line += lines
        return copy
    }
}
