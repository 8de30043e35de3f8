/// One lexical unit of a condition expression, with the column where it starts.
struct ExpressionToken: Sendable, Hashable {
    /// What the token is.
    enum Kind: Sendable, Hashable {
        /// A number literal, already converted.
        case number(Double)
        /// A string literal with its escapes resolved.
        case string(String)
        /// A name: a variable, a function, or a word operator (`and`, `in`, `not`, `true`, ...).
        case identifier(String)
        /// An operator or a bracket, spelled as in the text.
        case symbol(String)
        /// The end of the text.
        case end
    }

    /// What the token is.
    var kind: Kind
    /// The token as written in the text.
    var text: String
    /// The 1-based column (in Unicode scalars) of the token's first character.
    var column: Int

    /// Whether this is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol(symbol)
    }

    /// Whether this is the identifier `name`.
    func isIdentifier(_ name: String) -> Bool {
        kind == .identifier(name)
    }

    /// The token as error messages quote it.
    var quoted: String {
        switch kind {
        case .end: "end of expression"
        case .number, .string, .identifier, .symbol: "token '\(text)'"
        }
    }
}
