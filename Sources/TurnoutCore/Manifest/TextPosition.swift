/// Converts between offsets in a text and 1-based line/column positions, counting line
/// breaks the way libyaml does (`\n`, `\r\n`, a lone `\r`, NEL, LS and PS) and columns in
/// Unicode scalars, so computed positions agree with Yams' marks.
enum TextPosition {
    /// The 1-based line and column of `index`.
    static func lineAndColumn(of index: String.Index, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        let scalars = text.unicodeScalars
        var cursor = scalars.startIndex
        while cursor < index, cursor < scalars.endIndex {
            let scalar = scalars[cursor]
            let next = scalars.index(after: cursor)
            if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                column += 1
            } else if isBreak(scalar) {
                line += 1
                column = 1
            } else {
                column += 1
            }
            cursor = next
        }
        return (line, column)
    }

    /// The location of the UTF-8 offset `offset` (clamped to the text).
    static func location(ofUTF8Offset offset: Int, in text: String, file: String) -> SourceLocation {
        let utf8 = text.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: max(0, offset), limitedBy: utf8.endIndex) ?? utf8.endIndex
        let position = lineAndColumn(of: index, in: text)
        return SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// The index of the scalar at 1-based `line` and `column`, or nil when there is none.
    static func index(line: Int, column: Int, in text: String) -> String.Index? {
        guard line >= 1, column >= 1 else { return nil }
        let scalars = text.unicodeScalars
        var cursor = scalars.startIndex
        var currentLine = 1
        while currentLine < line {
            guard cursor < scalars.endIndex else { return nil }
            let scalar = scalars[cursor]
            cursor = scalars.index(after: cursor)
            if scalar == "\r", cursor < scalars.endIndex, scalars[cursor] == "\n" {
                continue
            }
            if isBreak(scalar) { currentLine += 1 }
        }
        var currentColumn = 1
        while currentColumn < column {
            guard cursor < scalars.endIndex, !isBreak(scalars[cursor]) else { return nil }
            cursor = scalars.index(after: cursor)
            currentColumn += 1
        }
        return cursor
    }

    /// Whether libyaml counts `scalar` as a line break.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }
}
