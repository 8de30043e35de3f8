import Foundation
import Testing
import TurnoutCore

@Suite struct FieldPathTests {
    @Test(arguments: [
        (FieldPath(), ""),
        (["spec"], "spec"),
        ([.key("spec"), .key("strategy"), .key("canary"), .key("steps"), .index(0), .key("setWeight")],
         "spec.strategy.canary.steps[0].setWeight"),
        ([.index(2), .key("name")], "[2].name"),
        ([.key("metadata"), .key("labels"), .key("app.kubernetes.io/name")], #"metadata.labels["app.kubernetes.io/name"]"#),
        ([.key("a"), .key(#"say "hi""#)], #"a["say \"hi\""]"#),
        ([.key("matrix"), .index(1), .index(3)], "matrix[1][3]"),
    ] as [(FieldPath, String)])
    func description(path: FieldPath, expected: String) throws {
        #expect(path.description == expected)
        #expect(FieldPath(parsing: expected) == path)
        let data = try JSONEncoder().encode(path)
        #expect(try JSONDecoder().decode(FieldPath.self, from: data) == path)
    }

    @Test func appendingBuildsPaths() {
        let path = FieldPath().appending("spec").appending("steps").appending(index: 1)
        #expect(path.components == [.key("spec"), .key("steps"), .index(1)])
        #expect(!path.isEmpty)
        #expect(FieldPath().isEmpty)
        #expect(path == ["spec", "steps", .index(1)])
    }

    @Test(arguments: ["a..b", "a[", "a[x]", "[\"unterminated", ".a", "a]"])
    func rejectsMalformedText(text: String) {
        #expect(FieldPath(parsing: text) == nil)
    }

    @Test func componentsEncodeAsStringsAndIntegers() throws {
        let data = try JSONEncoder().encode([FieldPath.Component.key("a"), .index(3)])
        #expect(String(decoding: data, as: UTF8.self) == #"["a",3]"#)
        #expect(try JSONDecoder().decode([FieldPath.Component].self, from: data) == [.key("a"), .index(3)])
    }
}

extension FieldPathTests {
    @Test func appendingAComponent() {
        let path = FieldPath(["spec"]).appending(FieldPath.Component.index(2)).appending(.key("name"))
        #expect(path.description == "spec[2].name")
        #expect(FieldPath(["a"]).appending(contentsOf: ["b", 1]).description == "a.b[1]")
    }
}
