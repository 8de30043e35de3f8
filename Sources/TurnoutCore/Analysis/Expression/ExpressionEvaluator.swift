/// Evaluates an expression tree against variables, with a step budget so no input runs unbounded.
///
/// Semantics follow expr-lang as Argo Rollouts runs it, over JSON-shaped values: numbers are float64
/// (division by zero gives ±Inf or NaN), `==` between different types is false, ordering operators
/// need two numbers or two strings, `&&`/`||` short-circuit and need booleans, a missing map member
/// is `nil`, and an array index out of range is an error (negative indices count from the end).
struct ExpressionEvaluator {
    /// The variables names resolve to.
    let variables: [String: ExpressionValue]
    /// How many steps (nodes visited, plus elements copied) evaluation may take.
    let maximumSteps: Int
    private var steps = 0

    /// An evaluator over `variables`.
    init(variables: [String: ExpressionValue], maximumSteps: Int) {
        self.variables = variables
        self.maximumSteps = maximumSteps
    }

    /// Charges `count` steps to the budget.
    mutating func spend(_ count: Int, column: Int) throws(ExpressionError) {
        steps += max(count, 0)
        guard steps <= maximumSteps else {
            throw .tooComplex("evaluation takes more than \(maximumSteps) steps", column: column)
        }
    }

    /// The value of `node`; `element` is what `#` means inside a predicate.
    mutating func evaluate(_ node: ExpressionNode, element: ExpressionValue?) throws(ExpressionError) -> ExpressionValue {
        try spend(1, column: node.column)
        switch node.kind {
        case .literal(let value):
            return value
        case .variable(let name):
            return try variable(name, column: node.column)
        case .element:
            return element ?? .null
        case .array(let nodes):
            var values: [ExpressionValue] = []
            values.reserveCapacity(nodes.count)
            for child in nodes {
                values.append(try evaluate(child, element: element))
            }
            return .array(values)
        case .object(let members):
            var values: [String: ExpressionValue] = [:]
            for member in members {
                values[member.key] = try evaluate(member.value, element: element)
            }
            return .object(values)
        case .member(let base, let name, let isOptional):
            return try self.member(name, of: try evaluate(base, element: element), isOptional: isOptional, column: node.column)
        case .index(let base, let index, let isOptional):
            let container = try evaluate(base, element: element)
            return try subscripted(container, by: try evaluate(index, element: element), isOptional: isOptional, column: node.column)
        case .unary(let op, let operand):
            return try unary(op, try evaluate(operand, element: element), column: node.column)
        case .binary(let op, let left, let right):
            return try binary(op, left, right, element: element, column: node.column)
        case .conditional(let condition, let then, let otherwise):
            let test = try evaluate(condition, element: element)
            guard case .bool(let isTrue) = test else {
                throw .typeMismatch("the condition before '?' must be a bool, got \(test.typeName)", column: node.column)
            }
            return try evaluate(isTrue ? then : otherwise, element: element)
        case .call(let function, let arguments):
            return try call(function, arguments, element: element, column: node.column)
        }
    }

    private func variable(_ name: String, column: Int) throws(ExpressionError) -> ExpressionValue {
        guard let value = variables[name] else {
            throw .unknownVariable(name, suggestion: Suggestion.closest(to: name, among: variables.keys), column: column)
        }
        return value
    }

    private func member(_ name: String, of base: ExpressionValue, isOptional: Bool, column: Int) throws(ExpressionError) -> ExpressionValue {
        switch base {
        case .object(let members):
            return members[name] ?? .null
        case .null:
            if isOptional { return .null }
            throw .typeMismatch("cannot read member '\(name)' of nil (write '?.\(name)' to allow nil)", column: column)
        case .bool, .number, .string, .array:
            throw .typeMismatch("cannot read member '\(name)' of a \(base.typeName)", column: column)
        }
    }

    private func subscripted(_ base: ExpressionValue, by index: ExpressionValue, isOptional: Bool, column: Int) throws(ExpressionError) -> ExpressionValue {
        switch base {
        case .array(let elements):
            let position = try Self.position(index, count: elements.count, of: "array", column: column)
            return elements[position]
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            let position = try Self.position(index, count: scalars.count, of: "string", column: column)
            return .string(String(scalars[position]))
        case .object(let members):
            guard case .string(let key) = index else {
                throw .typeMismatch("a map key must be a string, got \(index.typeName)", column: column)
            }
            return members[key] ?? .null
        case .null:
            if isOptional { return .null }
            throw .typeMismatch("cannot index nil", column: column)
        case .number:
            // A scalar result reads as a one-sample vector, so `result[0]` works on scalars and vectors alike.
            _ = try Self.position(index, count: 1, of: "number", column: column)
            return base
        case .bool:
            throw .typeMismatch("cannot index a \(base.typeName)", column: column)
        }
    }

    /// The position `index` names in a collection of `count` elements; negative indices count from the end.
    private static func position(_ index: ExpressionValue, count: Int, of kind: String, column: Int) throws(ExpressionError) -> Int {
        guard case .number(let number) = index else {
            throw .typeMismatch("\(kind == "number" ? "a" : "an") \(kind) index must be a number, got \(index.typeName)", column: column)
        }
        guard let whole = Int(exactly: number) else {
            throw .invalidArgument("\(kind == "number" ? "a" : "an") \(kind) index must be a whole number, got \(ExpressionValue.format(number))", column: column)
        }
        let position = whole < 0 ? whole + count : whole
        guard position >= 0, position < count else {
            if kind == "number" {
                throw .invalidArgument("index \(whole) is out of range: a number reads as a one-element list, so only [0] and [-1] work", column: column)
            }
            let noun = kind == "array" ? "element" : "character"
            throw .invalidArgument("index \(whole) is out of range for \(kind == "array" ? "an" : "a") \(kind) of \(count) \(noun)\(count == 1 ? "" : "s")", column: column)
        }
        return position
    }

    private func unary(_ op: ExpressionNode.UnaryOperator, _ operand: ExpressionValue, column: Int) throws(ExpressionError) -> ExpressionValue {
        switch op {
        case .negate, .plus:
            guard case .number(let number) = operand else {
                throw .typeMismatch("operator '\(op.rawValue)' needs a number, got \(operand.typeName)", column: column)
            }
            return .number(op == .negate ? -number : number)
        case .not:
            guard case .bool(let value) = operand else {
                throw .typeMismatch("operator '!' needs a bool, got \(operand.typeName)", column: column)
            }
            return .bool(!value)
        }
    }
}
