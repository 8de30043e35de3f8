/// Splits condition text into tokens: numbers, strings, names, operators and brackets.
///
/// Numbers: `12`, `1_000`, `0.95`, `1e-3`, `2.5E+2`, `0x1F`. Strings: single or double quotes with the
/// escapes `\n \t \r \b \f \v \0 \\ \' \" \xHH \uHHHH \UHHHHHHHH`, or backquotes without escapes.
struct ExpressionTokenizer {
    /// Operators of two characters, matched before single characters.
    private static let pairs: Set<String> = ["**", "==", "!=", "<=", ">=", "&&", "||", "??", "?."]
    /// Operators and brackets of one character.
    private static let singles: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "^", "<", ">", "!", "(", ")", "[", "]", "{", "}", ",", ":", "?", ".", "#",
    ]

    private let scalars: [Unicode.Scalar]
    private var position = 0

    /// A tokenizer over `text`.
    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// All tokens, ending with `.end`.
    mutating func tokenize() throws(ExpressionError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        while true {
            skipWhitespace()
            guard position < scalars.count else {
                tokens.append(ExpressionToken(kind: .end, text: "", column: scalars.count + 1))
                return tokens
            }
            tokens.append(try nextToken())
        }
    }

    private mutating func skipWhitespace() {
        while position < scalars.count, scalars[position].properties.isWhitespace {
            position += 1
        }
    }

    private mutating func nextToken() throws(ExpressionError) -> ExpressionToken {
        let start = position
        let scalar = scalars[position]
        if Self.isDigit(scalar) {
            return try number()
        }
        if Self.isIdentifierStart(scalar) {
            while position < scalars.count, Self.isIdentifierPart(scalars[position]) {
                position += 1
            }
            let name = text(from: start)
            return ExpressionToken(kind: .identifier(name), text: name, column: start + 1)
        }
        switch scalar {
        case "\"", "'": return try quotedString(quote: scalar)
        case "`": return try rawString()
        default: break
        }
        if position + 1 < scalars.count {
            let pair = String(String.UnicodeScalarView([scalar, scalars[position + 1]]))
            let isOptionalMember = pair == "?." && !(position + 2 < scalars.count && Self.isDigit(scalars[position + 2]))
            if Self.pairs.contains(pair), pair != "?." || isOptionalMember {
                position += 2
                return ExpressionToken(kind: .symbol(pair), text: pair, column: start + 1)
            }
        }
        if Self.singles.contains(scalar) {
            position += 1
            let symbol = String(scalar)
            return ExpressionToken(kind: .symbol(symbol), text: symbol, column: start + 1)
        }
        switch scalar {
        case "=": throw .syntax("unexpected '='; did you mean '=='?", column: start + 1)
        case "&": throw .syntax("unexpected '&'; did you mean '&&'?", column: start + 1)
        case "|": throw .syntax("unexpected '|'; did you mean '||'?", column: start + 1)
        default: throw .syntax("unexpected character '\(Self.printable(scalar))'", column: start + 1)
        }
    }

    /// A decimal or hexadecimal number; underscores between digits are ignored.
    private mutating func number() throws(ExpressionError) -> ExpressionToken {
        let start = position
        if scalars[position] == "0", position + 1 < scalars.count, scalars[position + 1] == "x" || scalars[position + 1] == "X" {
            position += 2
            let digitsStart = position
            while position < scalars.count, scalars[position].properties.isASCIIHexDigit || scalars[position] == "_" {
                position += 1
            }
            try rejectTrailingLetters(start: start)
            let digits = text(from: digitsStart).filter { $0 != "_" }
            guard let value = UInt64(digits, radix: 16) else {
                throw .syntax("invalid number '\(text(from: start))'", column: start + 1)
            }
            return ExpressionToken(kind: .number(Double(value)), text: text(from: start), column: start + 1)
        }
        consumeDigits()
        if position + 1 < scalars.count, scalars[position] == ".", Self.isDigit(scalars[position + 1]) {
            position += 1
            consumeDigits()
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            var cursor = position + 1
            if cursor < scalars.count, scalars[cursor] == "+" || scalars[cursor] == "-" {
                cursor += 1
            }
            guard cursor < scalars.count, Self.isDigit(scalars[cursor]) else {
                throw .syntax("invalid number '\(text(from: start, to: cursor))': the exponent has no digits", column: start + 1)
            }
            position = cursor
            consumeDigits()
        }
        try rejectTrailingLetters(start: start)
        let written = text(from: start)
        guard let value = Double(written.filter { $0 != "_" }) else {
            throw .syntax("invalid number '\(written)'", column: start + 1)
        }
        return ExpressionToken(kind: .number(value), text: written, column: start + 1)
    }

    private mutating func consumeDigits() {
        while position < scalars.count, Self.isDigit(scalars[position]) || scalars[position] == "_" {
            position += 1
        }
    }

    /// `12abc` is one mistyped token, not a number followed by a name.
    private func rejectTrailingLetters(start: Int) throws(ExpressionError) {
        guard position < scalars.count, Self.isIdentifierPart(scalars[position]) else { return }
        var end = position
        while end < scalars.count, Self.isIdentifierPart(scalars[end]) {
            end += 1
        }
        throw .syntax("invalid number '\(text(from: start, to: end))'", column: start + 1)
    }

    /// A string in single or double quotes.
    private mutating func quotedString(quote: Unicode.Scalar) throws(ExpressionError) -> ExpressionToken {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == quote {
                position += 1
                return ExpressionToken(kind: .string(String(value)), text: text(from: start), column: start + 1)
            }
            if scalar == "\\" {
                value.append(try escape())
            } else {
                value.append(scalar)
                position += 1
            }
        }
        throw .syntax("unterminated string", column: start + 1)
    }

    /// One escape sequence at `position` (which is at the backslash).
    private mutating func escape() throws(ExpressionError) -> Unicode.Scalar {
        let start = position
        guard position + 1 < scalars.count else {
            throw .syntax("unterminated string: a backslash ends the expression", column: start + 1)
        }
        let letter = scalars[position + 1]
        position += 2
        switch letter {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "0": return "\u{00}"
        case "\\", "'", "\"", "`": return letter
        case "x": return try hexEscape(digits: 2, start: start)
        case "u": return try hexEscape(digits: 4, start: start)
        case "U": return try hexEscape(digits: 8, start: start)
        default:
            throw .syntax("invalid escape '\\\(Self.printable(letter))' in string", column: start + 1)
        }
    }

    private mutating func hexEscape(digits: Int, start: Int) throws(ExpressionError) -> Unicode.Scalar {
        guard position + digits <= scalars.count,
              scalars[position..<position + digits].allSatisfy(\.properties.isASCIIHexDigit),
              let code = UInt32(text(from: position, to: position + digits), radix: 16) else {
            throw .syntax("invalid escape '\(text(from: start, to: min(position + digits, scalars.count)))': expected \(digits) hexadecimal digits", column: start + 1)
        }
        position += digits
        guard let scalar = Unicode.Scalar(code) else {
            throw .syntax("invalid escape '\(text(from: start))': not a Unicode scalar value", column: start + 1)
        }
        return scalar
    }

    /// A string in backquotes, taken as written.
    private mutating func rawString() throws(ExpressionError) -> ExpressionToken {
        let start = position
        position += 1
        while position < scalars.count, scalars[position] != "`" {
            position += 1
        }
        guard position < scalars.count else {
            throw .syntax("unterminated string", column: start + 1)
        }
        position += 1
        let value = text(from: start + 1, to: position - 1)
        return ExpressionToken(kind: .string(value), text: text(from: start), column: start + 1)
    }

    private func text(from start: Int, to end: Int? = nil) -> String {
        String(String.UnicodeScalarView(scalars[start..<(end ?? position)]))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_" || scalar == "$"
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar)
    }

    /// A scalar as an error message can show it: control characters escaped.
    private static func printable(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
    }
}
