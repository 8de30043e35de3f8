import Testing
@testable import TurnoutCore

@Suite struct ExpressionTokenizerTests {
    typealias Kind = ExpressionToken.Kind

    @Test(arguments: [
        ("result[0] >= 0.95", [Kind.identifier("result"), .symbol("["), .number(0), .symbol("]"), .symbol(">="), .number(0.95), .end], [1, 7, 8, 9, 11, 14, 18]),
        ("a?.b ?? c", [.identifier("a"), .symbol("?."), .identifier("b"), .symbol("??"), .identifier("c"), .end], [1, 2, 4, 6, 9, 10]),
        ("x?.5:1", [.identifier("x"), .symbol("?"), .symbol("."), .number(5), .symbol(":"), .number(1), .end], [1, 2, 3, 4, 5, 6, 7]),
        ("2**3^4", [.number(2), .symbol("**"), .number(3), .symbol("^"), .number(4), .end], [1, 2, 4, 5, 6, 7]),
        ("'é' == \"😀\"", [.string("é"), .symbol("=="), .string("😀"), .end], [1, 5, 8, 11]),
        ("1_000 1e3 1.5E-2 0x_ff 7", [.number(1000), .number(1000), .number(0.015), .number(255), .number(7), .end], [1, 7, 11, 18, 24, 25]),
        ("1.foo", [.number(1), .symbol("."), .identifier("foo"), .end], [1, 2, 3, 6]),
        ("not in\tand\n$x _y", [.identifier("not"), .identifier("in"), .identifier("and"), .identifier("$x"), .identifier("_y"), .end], [1, 5, 8, 12, 15, 17]),
        ("", [.end], [1]),
    ] as [(String, [Kind], [Int])])
    func tokenizes(text: String, kinds: [Kind], columns: [Int]) throws {
        var tokenizer = ExpressionTokenizer(text)
        let tokens = try tokenizer.tokenize()
        #expect(tokens.map(\.kind) == kinds)
        #expect(tokens.map(\.column) == columns)
    }

    @Test(arguments: [
        (#"'a\'b'"#, "a'b"),
        (#""a\"b""#, "a\"b"),
        (#"'\n\t\r\\'"#, "\n\t\r\\"),
        (#"'\b\f\v\0'"#, "\u{08}\u{0C}\u{0B}\u{00}"),
        (#"'\x41\u00e9\U0001F600'"#, "Aé😀"),
        (#"'"' + "'""#, "\""),
        ("`a\\nb'\"`", "a\\nb'\""),
    ])
    func resolvesEscapes(text: String, value: String) throws {
        var tokenizer = ExpressionTokenizer(text)
        let first = try tokenizer.tokenize()[0]
        #expect(first.kind == .string(value))
        #expect(first.column == 1)
    }
}
