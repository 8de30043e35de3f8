import Foundation

extension ExpressionEvaluator {
    /// An infix operation; `&&`, `||` and `??` evaluate their right side only when needed.
    mutating func binary(
        _ op: ExpressionNode.BinaryOperator, _ leftNode: ExpressionNode, _ rightNode: ExpressionNode,
        element: ExpressionValue?, column: Int
    ) throws(ExpressionError) -> ExpressionValue {
        switch op {
        case .and, .or:
            let left = try evaluate(leftNode, element: element)
            guard case .bool(let leftValue) = left else {
                throw .typeMismatch("operator '\(op.rawValue)' needs bools, got \(left.typeName) on its left", column: column)
            }
            if leftValue == (op == .or) { return .bool(leftValue) }
            let right = try evaluate(rightNode, element: element)
            guard case .bool = right else {
                throw .typeMismatch("operator '\(op.rawValue)' needs bools, got \(right.typeName) on its right", column: column)
            }
            return right
        case .coalesce:
            let left = try evaluate(leftNode, element: element)
            return left.isNull ? try evaluate(rightNode, element: element) : left
        case .equal:
            let (left, right) = try operands(leftNode, rightNode, element: element)
            return .bool(left == right)
        case .notEqual:
            let (left, right) = try operands(leftNode, rightNode, element: element)
            return .bool(left != right)
        case .less:
            let (left, right) = try operands(leftNode, rightNode, element: element)
            return .bool(try Self.order(left, right, column: column) == -1)
        case .lessOrEqual:
            let (left, right) = try operands(leftNode, rightNode, element: element)
            return .bool([-1, 0].contains(try Self.order(left, right, column: column)))
        case .greater:
            let (left, right) = try operands(leftNode, rightNode, element: element)
            return .bool(try Self.order(left, right, column: column) == 1)
        case .greaterOrEqual:
            let (left, right) = try operands(leftNode, rightNode, element: element)
            return .bool([1, 0].contains(try Self.order(left, right, column: column)))
        case .in:
            let (left, right) = try operands(leftNode, rightNode, element: element)
            return .bool(try Self.isMember(left, of: right, op: op, column: column))
        case .notIn:
            let (left, right) = try operands(leftNode, rightNode, element: element)
            return .bool(!(try Self.isMember(left, of: right, op: op, column: column)))
        case .contains:
            let (text, part) = try strings(op, leftNode, rightNode, element: element, column: column)
            return .bool(part.isEmpty || text.unicodeScalars.firstRange(of: part.unicodeScalars) != nil)
        case .startsWith:
            let (text, part) = try strings(op, leftNode, rightNode, element: element, column: column)
            return .bool(text.unicodeScalars.starts(with: part.unicodeScalars))
        case .endsWith:
            let (text, part) = try strings(op, leftNode, rightNode, element: element, column: column)
            return .bool(text.unicodeScalars.reversed().starts(with: part.unicodeScalars.reversed()))
        case .add:
            let (left, right) = try operands(leftNode, rightNode, element: element)
            return try add(left, right, column: column)
        case .subtract:
            let (a, b) = try numbers(op, leftNode, rightNode, element: element, column: column)
            return .number(a - b)
        case .multiply:
            let (a, b) = try numbers(op, leftNode, rightNode, element: element, column: column)
            return .number(a * b)
        case .divide:
            let (a, b) = try numbers(op, leftNode, rightNode, element: element, column: column)
            return .number(a / b)
        case .modulo:
            let (a, b) = try numbers(op, leftNode, rightNode, element: element, column: column)
            return .number(a.truncatingRemainder(dividingBy: b))
        case .power:
            let (a, b) = try numbers(op, leftNode, rightNode, element: element, column: column)
            return .number(pow(a, b))
        }
    }

    /// Both operands, left first.
    private mutating func operands(
        _ leftNode: ExpressionNode, _ rightNode: ExpressionNode, element: ExpressionValue?
    ) throws(ExpressionError) -> (ExpressionValue, ExpressionValue) {
        let left = try evaluate(leftNode, element: element)
        return (left, try evaluate(rightNode, element: element))
    }

    /// Both operands, which must be numbers.
    private mutating func numbers(
        _ op: ExpressionNode.BinaryOperator, _ leftNode: ExpressionNode, _ rightNode: ExpressionNode,
        element: ExpressionValue?, column: Int
    ) throws(ExpressionError) -> (Double, Double) {
        let (left, right) = try operands(leftNode, rightNode, element: element)
        guard case .number(let a) = left, case .number(let b) = right else {
            throw .typeMismatch("operator '\(op.rawValue)' needs numbers, got \(left.typeName) and \(right.typeName)", column: column)
        }
        return (a, b)
    }

    /// Both operands, which must be strings.
    private mutating func strings(
        _ op: ExpressionNode.BinaryOperator, _ leftNode: ExpressionNode, _ rightNode: ExpressionNode,
        element: ExpressionValue?, column: Int
    ) throws(ExpressionError) -> (String, String) {
        let (left, right) = try operands(leftNode, rightNode, element: element)
        guard case .string(let a) = left, case .string(let b) = right else {
            throw .typeMismatch("operator '\(op.rawValue)' needs strings, got \(left.typeName) and \(right.typeName)", column: column)
        }
        return (a, b)
    }

    /// `+` on numbers (sum), strings or arrays (concatenation); building a long value costs steps.
    private mutating func add(_ left: ExpressionValue, _ right: ExpressionValue, column: Int) throws(ExpressionError) -> ExpressionValue {
        if case .number(let a) = left, case .number(let b) = right {
            return .number(a + b)
        }
        if case .string(let a) = left, case .string(let b) = right {
            try spend((a.utf8.count + b.utf8.count) / 16, column: column)
            return .string(a + b)
        }
        if case .array(let a) = left, case .array(let b) = right {
            try spend(a.count + b.count, column: column)
            return .array(a + b)
        }
        throw .typeMismatch("operator '+' needs two numbers, strings or arrays, got \(left.typeName) and \(right.typeName)", column: column)
    }

    /// -1, 0 or 1 for two numbers or two strings (by Unicode scalar values, like Go's byte order);
    /// nil when a NaN makes them unordered.
    private static func order(_ left: ExpressionValue, _ right: ExpressionValue, column: Int) throws(ExpressionError) -> Int? {
        if case .number(let a) = left, case .number(let b) = right {
            if a < b { return -1 }
            if a > b { return 1 }
            return a == b ? 0 : nil
        }
        if case .string(let a) = left, case .string(let b) = right {
            if a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { return -1 }
            if b.unicodeScalars.lexicographicallyPrecedes(a.unicodeScalars) { return 1 }
            return 0
        }
        throw .typeMismatch("cannot compare \(left.typeName) and \(right.typeName)", column: column)
    }

    /// Whether `needle` is an element of an array or a key of a map.
    private static func isMember(
        _ needle: ExpressionValue, of haystack: ExpressionValue, op: ExpressionNode.BinaryOperator, column: Int
    ) throws(ExpressionError) -> Bool {
        switch haystack {
        case .array(let elements):
            return elements.contains(needle)
        case .object(let members):
            guard case .string(let key) = needle else {
                throw .typeMismatch("operator '\(op.rawValue)' on a map needs a string key, got \(needle.typeName)", column: column)
            }
            return members[key] != nil
        case .null, .bool, .number, .string:
            throw .typeMismatch("operator '\(op.rawValue)' needs an array or a map on its right, got \(haystack.typeName)", column: column)
        }
    }
}
