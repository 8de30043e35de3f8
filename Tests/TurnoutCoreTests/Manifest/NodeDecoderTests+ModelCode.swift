import Foundation
import Testing
import TurnoutCore
import Yams

/// Model code talking to the decoder: retries, its own errors, reports, and every container kind.
extension NodeDecoderTests {
    // MARK: Model code

    @Test func tryIntElseStringLeavesNoDiagnostics() {
        let result = ManifestFixture.decode(ManifestFixture.Canary.self, "maxSurge: \"25%\"\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?.maxSurge == .string("25%"))
    }

    struct Retrying: Decodable {
        enum CodingKeys: String, CodingKey { case value }
        var number: Int?
        var text: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decodeIfPresent(Int.self, forKey: .value)
            if number == nil {
                text = try container.decodeIfPresent(String.self, forKey: .value)
            }
        }
    }

    @Test func laterSuccessfulAttemptWithdrawsEarlierFailure() {
        let result = ManifestFixture.decode(Retrying.self, "value: hello\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?.text == "hello")
    }

    struct Picky: Decodable {
        struct Refusal: Error, CustomStringConvertible {
            var description: String { "picky refuses this value" }
        }

        init(from decoder: any Decoder) throws {
            throw Refusal()
        }
    }

    @Test func errorsThrownByModelCode() {
        struct Holder: Decodable {
            var picky: Picky?
            var weights: [ManifestFixture.Weight]?
        }
        let result = ManifestFixture.decode(Holder.self, "picky: {a: 1}\nweights: [1, 101]\n")
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 1, 8, "picky", "picky refuses this value"),
            Expected(.error, 2, 14, "weights[1]", "weight must be between 0 and 100, got 101"),
        ])
    }

    struct KeyedError: Decodable {
        enum CodingKeys: String, CodingKey { case min, max }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let low = try container.decode(Int.self, forKey: .min)
            let high = try container.decode(Int.self, forKey: .max)
            if low > high {
                throw DecodingError.dataCorruptedError(forKey: .max, in: container, debugDescription: "max must not be below min")
            }
        }
    }

    @Test func modelErrorForAKeyPointsAtThatKeysValue() {
        let result = ManifestFixture.decode([String: KeyedError].self, "range:\n  min: 5\n  max: 2\n")
        #expect(ManifestFixture.summarize(result.diagnostics) == [Expected(.error, 3, 8, "range.max", "max must not be below min")])
    }

    struct Deprecated: Decodable {
        enum CodingKeys: String, CodingKey { case old, new }
        var value: String
        var location: TurnoutCore.SourceLocation?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            location = decoder.sourceLocation
            if let old = try container.decodeIfPresent(String.self, forKey: .old) {
                decoder.reportWarning("`old` is deprecated", fix: "use `new`")
                value = old
            } else {
                value = try container.decode(String.self, forKey: .new)
            }
            if value.isEmpty {
                decoder.reportError("value must not be empty")
            }
        }
    }

    @Test func modelCodeReportsThroughTheDecoder() throws {
        let result = ManifestFixture.decode([String: Deprecated].self, "a:\n  old: x\nb: {new: ''}\n", file: "d.yaml")
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.warning, 2, 3, "a", "`old` is deprecated", fix: "use `new`"),
            Expected(.error, 3, 4, "b", "value must not be empty"),
        ])
        #expect(result.value?["a"]?.location == SourceLocation(file: "d.yaml", line: 2, column: 3))
    }

    @Test func reportingIsANoOpWithOtherDecoders() throws {
        let value = try JSONDecoder().decode(Deprecated.self, from: Data(#"{"old": "x"}"#.utf8))
        #expect(value.value == "x")
        #expect(value.location == nil)
    }

    // MARK: Containers

    struct Nested: Decodable {
        enum OuterKeys: String, CodingKey { case outer, list, pairs }
        enum InnerKeys: String, CodingKey { case inner }
        var inner: Int
        var list: [Int]
        var pairs: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: OuterKeys.self)
            let nested = try container.nestedContainer(keyedBy: InnerKeys.self, forKey: .outer)
            inner = try nested.decode(Int.self, forKey: .inner)
            var unkeyed = try container.nestedUnkeyedContainer(forKey: .list)
            var list: [Int] = []
            while !unkeyed.isAtEnd {
                if try unkeyed.decodeNil() { continue }
                list.append(try unkeyed.decode(Int.self))
            }
            self.list = list
            var pairsContainer = try container.nestedUnkeyedContainer(forKey: .pairs)
            var pairs: [String] = []
            while !pairsContainer.isAtEnd {
                let pair = try pairsContainer.nestedContainer(keyedBy: InnerKeys.self)
                pairs.append(try pair.decode(String.self, forKey: .inner))
            }
            self.pairs = pairs
        }
    }

    @Test func nestedContainersDecodeAndReportUnknownFields() {
        let yaml = "outer: {inner: 1, typo: 2}\nlist: [1, ~, 3]\npairs: [{inner: a}, {inner: b, iner: c}]\n"
        let result = ManifestFixture.decode(Nested.self, yaml)
        #expect(result.value?.inner == 1)
        #expect(result.value?.list == [1, 3])
        #expect(result.value?.pairs == ["a", "b"])
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.warning, 1, 19, "outer.typo", "unknown field `typo`"),
            Expected(.warning, 3, 32, "pairs[1].iner", "unknown field `iner`"),
        ])
    }

    @Test func unkeyedContainerRunningOut() {
        struct Pair: Decodable {
            var first: Int
            var second: Int
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                first = try container.decode(Int.self)
                second = try container.decode(Int.self)
            }
        }
        let result = ManifestFixture.decode([String: Pair].self, "ok: [1, 2]\nshort: [1]\n")
        #expect(ManifestFixture.summarize(result.diagnostics) == [Expected(.error, 2, 8, "short", "expected at least 2 list items, got 1")])
    }

    class Base: Decodable {
        var name: String
    }

    final class Derived: Base {
        enum CodingKeys: String, CodingKey { case extra }
        var extra: Int

        required init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            extra = try container.decode(Int.self, forKey: .extra)
            try super.init(from: container.superDecoder())
        }
    }

    @Test func superDecoder() {
        let result = ManifestFixture.decode(Derived.self, "extra: 1\nsuper: {name: base, nam: x}\n")
        #expect(result.value?.extra == 1)
        #expect(result.value?.name == "base")
        #expect(ManifestFixture.summarize(result.diagnostics) == [Expected(.warning, 2, 21, "super.nam", "unknown field `nam`")])
    }

    @Test func decodingDirectlyFromANode() throws {
        let node = try #require(try Yams.compose(yaml: "name: web\nlabels: {app: web}\n"))
        let result = NodeDecoder(file: "inline").decode(ManifestFixture.Metadata.self, from: node)
        #expect(result.value == ManifestFixture.Metadata(name: "web", labels: ["app": "web"]))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func nestingLimitOfTheDecoder() {
        indirect enum Tree: Decodable {
            case leaf
            case node([Tree])
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                var children: [Tree] = []
                while !container.isAtEnd { children.append(try container.decode(Tree.self)) }
                self = children.isEmpty ? .leaf : .node(children)
            }
        }
        var node = Node([Node]())
        for _ in 0..<400 { node = Node([node]) }
        let result = NodeDecoder(file: "deep").decode(Tree.self, from: node)
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.message) == ["nesting is deeper than 320 levels"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "deep", line: 1, column: 1))
    }
}

extension NodeDecoderTests {
    struct StrictSteps: Decodable {
        struct Step: Decodable {
            var setWeight: Int
        }
        var steps: [Step]?
        var name: String?
    }

    @Test func everyBadRequiredListElementIsReportedAndTheListFailsOnce() {
        let yaml = "steps:\n- setWeight: x\n- setWeight: 10\n- {}\nname: web\n"
        let result = ManifestFixture.decode(StrictSteps.self, yaml)
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 2, 14, "steps[0].setWeight", "expected an integer, got the string \"x\""),
            Expected(.error, 4, 3, "steps[2].setWeight", "missing required field `setWeight`"),
        ])
        #expect(result.value?.steps == nil)
        #expect(result.value?.name == "web")
    }
}
