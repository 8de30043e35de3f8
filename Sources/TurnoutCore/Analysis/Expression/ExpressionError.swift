/// Why a condition expression could not be parsed or evaluated, with the 1-based column (in Unicode
/// scalars) of the offending text, so `turnout lint` can point at the field's column plus this offset.
public enum ExpressionError: Error, Sendable, Hashable {
    /// The text does not parse: an unexpected character or token, an unclosed string or bracket.
    case syntax(String, column: Int)
    /// A call to a function the language does not have, with the closest known name.
    case unknownFunction(String, suggestion: String?, column: Int)
    /// A name that is not among the variables the expression is evaluated with, with the closest one.
    case unknownVariable(String, suggestion: String?, column: Int)
    /// An operator or function got a value of the wrong type, e.g. comparing a string with a number.
    case typeMismatch(String, column: Int)
    /// A function got the wrong number of arguments or a value it cannot use (an index out of range,
    /// a string that is not a number).
    case invalidArgument(String, column: Int)
    /// The expression is too long, nests too deeply, or takes too many steps to evaluate.
    case tooComplex(String, column: Int)

    /// The 1-based column the error points at; one past the end for "unexpected end of expression".
    public var column: Int {
        switch self {
        case .syntax(_, let column), .unknownFunction(_, _, let column), .unknownVariable(_, _, let column),
             .typeMismatch(_, let column), .invalidArgument(_, let column), .tooComplex(_, let column):
            column
        }
    }

    /// The message without the column, e.g. `unknown function 'lenn'; did you mean 'len'?`.
    public var message: String {
        summary + (hint.map { "; \($0)" } ?? "")
    }

    /// What went wrong, without the fix.
    private var summary: String {
        switch self {
        case .syntax(let message, _), .typeMismatch(let message, _), .invalidArgument(let message, _), .tooComplex(let message, _):
            message
        case .unknownFunction(let name, _, _):
            "unknown function '\(name)'"
        case .unknownVariable(let name, _, _):
            "unknown name '\(name)'"
        }
    }

    /// The suggested fix, when there is one.
    private var hint: String? {
        switch self {
        case .syntax, .typeMismatch, .invalidArgument, .tooComplex:
            nil
        case .unknownFunction(_, let suggestion, _), .unknownVariable(_, let suggestion, _):
            suggestion.map { "did you mean '\($0)'?" }
        }
    }
}

extension ExpressionError: CustomStringConvertible {
    /// The message with its column, e.g. `unexpected token ')' at column 14`.
    public var description: String {
        "\(summary) at column \(column)" + (hint.map { "; \($0)" } ?? "")
    }
}
