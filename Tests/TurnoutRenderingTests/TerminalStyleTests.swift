import Testing
@testable import TurnoutRendering

@Suite("TerminalStyle")
struct TerminalStyleTests {
    @Test(arguments: [
        (true, [String: String](), true),
        (true, ["NO_COLOR": "1"], false),
        (true, ["NO_COLOR": ""], true),
        (false, [String: String](), false),
    ])
    func coloursOnlyATerminalWithoutNoColor(isTerminal: Bool, environment: [String: String], expected: Bool) {
        #expect(TerminalStyle.detect(isTerminal: isTerminal, environment: environment).isColored == expected)
    }

    @Test func paintsOnlyWhenColored() {
        #expect(TerminalStyle.plain.paint("ok", .green) == "ok")
        #expect(TerminalStyle(isColored: true).paint("ok", .green) == "\u{1B}[32mok\u{1B}[0m")
        #expect(TerminalStyle(isColored: true).paint("ok", nil) == "ok")
    }
}
