/// A parsed analysis condition (`successCondition`, `failureCondition`) in the expr-lang dialect
/// Argo Rollouts uses, evaluated without `eval` or a shell.
///
/// Supported: literals (`12`, `0.95`, `1e-3`, `0x1F`, `'text'`, `"text"`, `` `raw` ``, `true`, `false`,
/// `nil`, `null`, `[1, 2]`, `{a: 1}`); `result.data.ok`, `result["p99"]`, `result[0]`, `result[-1]`,
/// `a?.b`; `+ - * / % **` (`^` too), unary `- + ! not`; `== != < <= > >=` (and `1 < x < 3`);
/// `&& and || or`; `in`, `not in`, `contains`, `startsWith`, `endsWith`; `??`; `a ? b : c`; and the
/// builtins of `ExpressionFunction` (`len`, `all(result, {# < 500})`, `isNaN`, `default`, `asInt`, ...).
/// Precedence is expr-lang's: `??` > `**` > unary `-` > `* / %` > `+ -` > `!` > comparisons > `&&` > `||` > `?:`.
public struct ConditionExpression: Sendable {
    /// Longest accepted text, in Unicode scalars.
    public static let maximumLength = 8_192
    /// Deepest accepted nesting (parentheses, calls, operator chains).
    public static let maximumDepth = 100
    /// Most evaluation steps (nodes visited plus elements copied) one evaluation may take.
    public static let maximumSteps = 1_000_000

    /// The text as written.
    public let text: String
    private let root: ExpressionNode
    private let variableReferences: [(name: String, column: Int)]

    /// Parses `text`; throws with the column of the first problem.
    public init(parsing text: String) throws(ExpressionError) {
        let length = text.unicodeScalars.count
        guard length <= Self.maximumLength else {
            throw .tooComplex("expression is \(length) characters long; the limit is \(Self.maximumLength)", column: Self.maximumLength + 1)
        }
        var tokenizer = ExpressionTokenizer(text)
        var parser = ExpressionParser(tokens: try tokenizer.tokenize(), maximumDepth: Self.maximumDepth)
        self.root = try parser.parse()
        self.text = text
        self.variableReferences = parser.variables
    }

    /// The variables the expression reads (e.g. `["result"]`), for checking them before evaluation.
    public var variableNames: Set<String> {
        Set(variableReferences.map(\.name))
    }

    /// Throws `unknownVariable` (with the closest known name) for the first variable not in `known`.
    public func checkVariables(_ known: Set<String>) throws(ExpressionError) {
        for reference in variableReferences where !known.contains(reference.name) {
            throw .unknownVariable(reference.name, suggestion: Suggestion.closest(to: reference.name, among: known.sorted()), column: reference.column)
        }
    }

    /// The expression's value with `variables` in scope.
    public func evaluate(variables: [String: ExpressionValue]) throws(ExpressionError) -> ExpressionValue {
        var evaluator = ExpressionEvaluator(variables: variables, maximumSteps: Self.maximumSteps)
        return try evaluator.evaluate(root, element: nil)
    }

    /// Evaluates a metric condition with `result` in scope; the expression must produce a bool.
    public func evaluate(result: ExpressionValue) throws(ExpressionError) -> Bool {
        let value = try evaluate(variables: ["result": result])
        guard case .bool(let isTrue) = value else {
            throw .typeMismatch("a condition must evaluate to a bool, got \(value.typeName)", column: 1)
        }
        return isTrue
    }
}

extension ConditionExpression: Hashable {
    /// Two expressions are equal when their texts are.
    public static func == (left: ConditionExpression, right: ConditionExpression) -> Bool {
        left.text == right.text
    }

    /// Hashes the text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}

extension ConditionExpression: CustomStringConvertible {
    /// The text as written.
    public var description: String { text }
}
