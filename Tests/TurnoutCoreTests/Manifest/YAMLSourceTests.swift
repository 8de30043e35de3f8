import Foundation
import Testing
import TurnoutCore
import Yams

@Suite struct YAMLSourceTests {
    typealias Expected = ManifestFixture.Expected

    // MARK: Documents

    @Test func multipleDocumentsSkippingEmptyOnes() {
        let yaml = """
        kind: A
        ---
        ---
        # only a comment
        ---
        kind: B
        --- ~
        ...
        """
        let result = YAMLSource.documents(in: yaml, file: "multi.yaml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.map(\.index) == [0, 3])
        #expect(result.documents.map(\.location) == [
            SourceLocation(file: "multi.yaml", line: 1, column: 1),
            SourceLocation(file: "multi.yaml", line: 6, column: 1),
        ])
        #expect(result.documents.map { $0.node["kind"]?.string } == ["A", "B"])
    }

    @Test(arguments: ["", "\n\n", "# nothing here\n", "---\n", "--- null\n...\n"])
    func emptyStreams(yaml: String) {
        let result = YAMLSource.documents(in: yaml, file: "empty.yaml")
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func dataInputAndByteOrderMark() {
        let data = Data("\u{FEFF}kind: A\n".utf8)
        let result = YAMLSource.documents(in: data, file: "bom.yaml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?.node["kind"]?.string == "A")
    }

    // MARK: Syntax errors

    @Test(arguments: [
        ("a: 1\n---\nb: c: d\n", 1, Expected(.error, 3, 5, "", "mapping values are not allowed in this context",
            fix: "quote the value if it contains `: `, or check the indentation of this line")),
        ("a: 1\r\nb: c: d\r\n", 0, Expected(.error, 2, 5, "", "mapping values are not allowed in this context",
            fix: "quote the value if it contains `: `, or check the indentation of this line")),
        ("a:\n\tb: 1\n", 0, Expected(.error, 2, 1, "", "found character that cannot start any token",
            fix: "indent with spaces; YAML does not allow tabs here")),
        ("a: [1, 2\nb: 3\n", 0, Expected(.error, 2, 2, "", "did not find expected ',' or ']'", fix: "close the list with `]`")),
        ("a: *missing\n", 0, Expected(.error, 1, 4, "", "found undefined alias",
            fix: "define the anchor (`&name`) before the alias (`*name`) that uses it")),
        ("a: &x [*x]\n", 0, Expected(.error, 1, 8, "", "found undefined alias",
            fix: "define the anchor (`&name`) before the alias (`*name`) that uses it")),
        ("a: \u{1}\n", 0, Expected(.error, 1, 4, "", "control characters are not allowed",
            fix: "remove the control character or write it as an escape in a double-quoted string")),
        ("ok: 1\n---\nkey: \"unterminated\n", 1, Expected(.error, 4, 1, "", "found unexpected end of stream",
            fix: "close the quote that starts earlier")),
    ] as [(String, Int, Expected)])
    func syntaxError(yaml: String, documentsBefore: Int, expected: Expected) {
        let result = YAMLSource.documents(in: yaml, file: "bad.yaml")
        #expect(ManifestFixture.summarize(result.diagnostics) == [expected])
        #expect(result.documents.count == documentsBefore)
        #expect(result.diagnostics.allSatisfy { $0.location.file == "bad.yaml" })
    }

    @Test func notUTF8() {
        let data = Data("kind: A\nname: caf".utf8) + Data([0xE9, 0x0A])
        let result = YAMLSource.documents(in: data, file: "latin1.yaml")
        #expect(result.documents.isEmpty)
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 1, 1, "", "not UTF-8 text",
                     fix: "save the file as UTF-8; the first byte that is not UTF-8 (0xE9) is on line 2, column 10"),
        ])
    }

    @Test func utf16IsNamed() {
        let data = Data([0xFF, 0xFE]) + "a: 1".data(using: .utf16LittleEndian)!
        let result = YAMLSource.documents(in: data, file: "wide.yaml")
        #expect(result.diagnostics.first?.message == "not UTF-8 text")
        #expect(result.diagnostics.first?.fix == "save the file as UTF-8; it looks like UTF-16")
    }

    @Test func tooLarge() {
        let text = String(repeating: "#", count: YAMLSource.maximumByteCount + 1)
        let result = YAMLSource.documents(in: text, file: "big.yaml")
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.map(\.message) == ["file is larger than 16 MiB (16777217 bytes)"])
        let dataResult = YAMLSource.documents(in: Data(text.utf8), file: "big.yaml")
        #expect(dataResult.diagnostics.count == 1)
    }

    // MARK: Nesting

    static func blockNesting(_ depth: Int) -> String {
        (0..<depth).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " 1\n"
    }

    @Test(arguments: [
        ("100,000 [", String(repeating: "[", count: 100_000)),
        ("100,000 {", String(repeating: "{", count: 100_000)),
        ("100,000 { with keys", String(repeating: "{a: ", count: 100_000)),
        ("closed 129 [", String(repeating: "[", count: 129) + String(repeating: "]", count: 129)),
        ("value 129 [", "spec:\n  x: " + String(repeating: "[", count: 129)),
        ("block 129", blockNesting(129)),
        ("block 5,000", blockNesting(5_000)),
        ("compact 5,000", String(repeating: "- ", count: 5_000) + "x\n"),
        ("indentless 100", (0..<100).map { String(repeating: " ", count: $0 * 2) + "k:\n" + String(repeating: " ", count: $0 * 2) + "-" }
            .joined(separator: "\n") + " x\n"),
        ("mixed", String(repeating: "- {a: [", count: 50_000)),
        ("flow after a plain scalar with a quote", "x: it 's\n" + String(repeating: "[", count: 500)),
        ("flow after a quoted scalar", "x: 'it''s' " + String(repeating: "[", count: 500)),
        ("flow inside a flow plain scalar with a quote", "[a'b, " + String(repeating: "[", count: 500)),
        ("continuation lines then nesting", "a: b\n  c\nd: " + String(repeating: "{x: ", count: 500)),
    ] as [(String, String)])
    func deepNestingIsRejected(label: String, yaml: String) {
        let result = YAMLSource.documents(in: yaml, file: "deep.yaml")
        #expect(result.documents.isEmpty, "\(label)")
        #expect(result.diagnostics.count == 1, "\(label)")
        #expect(result.diagnostics.first?.message == "nesting is deeper than 128 levels", "\(label)")
        #expect(result.diagnostics.first?.isError == true, "\(label)")
    }

    @Test(arguments: [
        ("closed 128 [", String(repeating: "[", count: 128) + String(repeating: "]", count: 128)),
        ("block 128", blockNesting(128)),
        ("brackets in quotes", "a: \"" + String(repeating: "[", count: 500) + "\"\nb: '" + String(repeating: "{", count: 500) + "'\n"),
        ("brackets in a block scalar", "a: |\n  " + String(repeating: "[", count: 500) + "\n  " + String(repeating: "{", count: 500) + "\nb: 1\n"),
        ("brackets in a plain scalar", "a: x" + String(repeating: "[", count: 500) + "\n"),
        ("brackets in a comment", "a: 1 # " + String(repeating: "[", count: 500) + "\n"),
        ("brackets in a continuation line", "a: one\n  two " + String(repeating: "[", count: 500) + "\nb: 2\n"),
    ] as [(String, String)])
    func reasonableNestingIsAccepted(label: String, yaml: String) {
        let result = YAMLSource.documents(in: yaml, file: "ok.yaml")
        #expect(result.diagnostics.isEmpty, "\(label): \(result.diagnostics.map(\.rendered))")
        #expect(result.documents.count == 1, "\(label)")
    }

    @Test func deepNestingLocationAndEarlierDocuments() {
        let yaml = "kind: A\n---\nspec: " + String(repeating: "[", count: 200) + "\n---\nkind: C\n"
        let result = YAMLSource.documents(in: yaml, file: "deep.yaml")
        #expect(result.documents.map { $0.node["kind"]?.string } == ["A"])
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 3, 134, "", "nesting is deeper than 128 levels",
                     fix: "flatten the document; manifests are read to at most 128 nested levels"),
        ])
    }

    // MARK: Duplicate keys

    @Test func duplicateKeyIsReportedAtTheSecondOccurrence() {
        let yaml = """
        kind: Rollout
        metadata:
          name: first
          labels: {app: web}
          name: second
        spec:
          replicas: 1
        """
        let result = YAMLSource.documents(in: yaml, file: "dup.yaml")
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 5, 3, "metadata.name", "duplicate key `name`", fix: "remove one of them; only the first, on line 3, is read"),
        ])
        let document = result.documents.first
        #expect(document?.node["metadata"]?["name"]?.string == "first")
        #expect(document?.node["metadata"]?.mapping?.count == 2)
        #expect(document?.node["spec"]?["replicas"]?.string == "1")
    }

    @Test func everyDuplicateIsReported() {
        let yaml = """
        a: {x: 1, x: 2, "x": 3}
        b: 1
        b: 2
        ---
        c: [{y: 1, y: 2}]
        """
        let result = YAMLSource.documents(in: yaml, file: "dup.yaml")
        #expect(ManifestFixture.summarize(result.diagnostics).map(\.description) == [
            "error 1:11 a.x: duplicate key `x` [remove one of them; only the first, on line 1, is read]",
            "error 1:17 a.x: duplicate key `x` [remove one of them; only the first, on line 1, is read]",
            "error 3:1 b: duplicate key `b` [remove one of them; only the first, on line 2, is read]",
            "error 5:12 c[0].y: duplicate key `y` [remove one of them; only the first, on line 5, is read]",
        ])
        #expect(result.documents.count == 2)
        #expect(result.documents.first?.node["a"]?["x"]?.string == "1")
    }

    @Test func duplicateKeysDecodeWithoutUnknownFieldNoise() {
        let yaml = "apiVersion: v1\nkind: Rollout\nkind: Other\nmetadata: {name: web}\n"
        let result = ManifestFixture.decode(ManifestFixture.Rollout.self, yaml)
        #expect(result.value?.kind == "Rollout")
        #expect(ManifestFixture.summarize(result.diagnostics) == [
            Expected(.error, 3, 1, "kind", "duplicate key `kind`", fix: "remove one of them; only the first, on line 2, is read"),
        ])
    }

    // MARK: Aliases

    @Test func aliasesAreResolved() {
        let yaml = """
        base: &base {activeService: web}
        one: *base
        two: *base
        """
        let result = ManifestFixture.decode([String: ManifestFixture.BlueGreen].self, yaml)
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?["two"]?.activeService == "web")
    }

    @Test func aliasBombIsRejectedQuickly() {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = Array("bcdefghij")
        var previous = "a"
        for name in names {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
            previous = String(name)
        }
        let result = YAMLSource.documents(in: lines.joined(separator: "\n"), file: "bomb.yaml")
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message.hasPrefix("aliases expand this document to more than") == true)
    }

    @Test(arguments: [
        "a: &a [1, 2]\n? *a\n: value\n",
        "a: &a [1, 2]\n*a : value\n",
        "a: &a x\nb: {[*a]: 1}\n",
    ])
    func aliasesInComplexKeysAreRejected(yaml: String) {
        let result = YAMLSource.documents(in: yaml, file: "keys.yaml")
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.map(\.message) == ["aliases cannot be used in a document with complex mapping keys"])
    }
}
