extension ExpressionEvaluator {
    /// A builtin call. The parser has checked the argument count; predicates run once per element.
    mutating func call(
        _ function: ExpressionFunction, _ arguments: [ExpressionNode], element: ExpressionValue?, column: Int
    ) throws(ExpressionError) -> ExpressionValue {
        guard function.arity.contains(arguments.count) else {
            throw .invalidArgument("\(function.name) takes \(function.arityDescription), got \(arguments.count)", column: column)
        }
        if function.takesPredicate {
            let elements = try array(function, try evaluate(arguments[0], element: element), column: column)
            return try applyPredicate(function, arguments[1], to: elements, column: column)
        }
        var values: [ExpressionValue] = []
        for argument in arguments {
            values.append(try evaluate(argument, element: element))
        }
        return try apply(function, values, column: column)
    }

    /// The elements of an array argument.
    private func array(_ function: ExpressionFunction, _ value: ExpressionValue, column: Int) throws(ExpressionError) -> [ExpressionValue] {
        guard case .array(let elements) = value else {
            throw .typeMismatch("\(function.name) needs an array, got \(value.typeName)", column: column)
        }
        return elements
    }

    /// The numbers of an array argument.
    private func numbers(_ function: ExpressionFunction, _ values: [ExpressionValue], column: Int) throws(ExpressionError) -> [Double] {
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        for value in values {
            guard case .number(let number) = value else {
                throw .typeMismatch("\(function.name) needs numbers, got \(value.typeName)", column: column)
            }
            numbers.append(number)
        }
        return numbers
    }

    private func number(_ function: ExpressionFunction, _ value: ExpressionValue, column: Int) throws(ExpressionError) -> Double {
        guard case .number(let number) = value else {
            throw .typeMismatch("\(function.name) needs a number, got \(value.typeName)", column: column)
        }
        return number
    }

    private func string(_ function: ExpressionFunction, _ value: ExpressionValue, column: Int) throws(ExpressionError) -> String {
        guard case .string(let text) = value else {
            throw .typeMismatch("\(function.name) needs a string, got \(value.typeName)", column: column)
        }
        return text
    }

    /// `all`, `any`, `none`, `one`, `filter`, `map`, `count` over `elements`.
    private mutating func applyPredicate(
        _ function: ExpressionFunction, _ predicate: ExpressionNode, to elements: [ExpressionValue], column: Int
    ) throws(ExpressionError) -> ExpressionValue {
        var kept: [ExpressionValue] = []
        var matches = 0
        for element in elements {
            let outcome = try evaluate(predicate, element: element)
            if function == .map {
                kept.append(outcome)
                continue
            }
            guard case .bool(let isMatch) = outcome else {
                throw .typeMismatch("the predicate of \(function.name) must return a bool, got \(outcome.typeName)", column: predicate.column)
            }
            if isMatch {
                matches += 1
                if function == .filter { kept.append(element) }
                if function == .any { return .bool(true) }
                if function == .none { return .bool(false) }
                if function == .one && matches > 1 { return .bool(false) }
            } else if function == .all {
                return .bool(false)
            }
        }
        switch function {
        case .all, .none: return .bool(true)
        case .any: return .bool(false)
        case .one: return .bool(matches == 1)
        case .count: return .number(Double(matches))
        case .filter, .map: return .array(kept)
        case .len, .abs, .ceil, .floor, .round, .min, .max, .sum, .mean, .median, .first, .last, .keys, .values,
             .isNaN, .isInf, .isNil, .defaultValue, .asInt, .asFloat, .int, .float, .string, .lower, .upper, .trim:
            throw .invalidArgument("\(function.name) does not take a predicate", column: column)
        }
    }

    /// A function without a predicate, on evaluated arguments.
    private func apply(_ function: ExpressionFunction, _ values: [ExpressionValue], column: Int) throws(ExpressionError) -> ExpressionValue {
        let value = values[0]
        switch function {
        case .len:
            switch value {
            case .string(let text): return .number(Double(text.unicodeScalars.count))
            case .array(let elements): return .number(Double(elements.count))
            case .object(let members): return .number(Double(members.count))
            case .null, .bool, .number:
                throw .typeMismatch("len needs a string, an array or a map, got \(value.typeName)", column: column)
            }
        case .abs: return .number(Swift.abs(try number(function, value, column: column)))
        case .ceil: return .number(try number(function, value, column: column).rounded(.up))
        case .floor: return .number(try number(function, value, column: column).rounded(.down))
        case .round: return .number(try number(function, value, column: column).rounded(.toNearestOrAwayFromZero))
        case .min, .max:
            let candidates = values.count == 1 && value.arrayValue != nil ? value.arrayValue! : values
            let numbers = try numbers(function, candidates, column: column)
            guard !numbers.isEmpty else { return .null }
            if numbers.contains(where: \.isNaN) { return .number(.nan) }
            return .number(function == .min ? numbers.min()! : numbers.max()!)
        case .sum:
            return .number(try numbers(function, try array(function, value, column: column), column: column).reduce(0, +))
        case .mean:
            let numbers = try numbers(function, try array(function, value, column: column), column: column)
            return .number(numbers.reduce(0, +) / Double(numbers.count))
        case .median:
            return .number(Self.median(try numbers(function, try array(function, value, column: column), column: column)))
        case .first:
            return try array(function, value, column: column).first ?? .null
        case .last:
            return try array(function, value, column: column).last ?? .null
        case .keys, .values:
            guard case .object(let members) = value else {
                throw .typeMismatch("\(function.name) needs a map, got \(value.typeName)", column: column)
            }
            let keys = members.keys.sorted()
            return .array(function == .keys ? keys.map(ExpressionValue.string) : keys.map { members[$0]! })
        case .isNaN: return .bool(try number(function, value, column: column).isNaN)
        case .isInf: return .bool(try number(function, value, column: column).isInfinite)
        case .isNil: return .bool(value.isNull)
        case .defaultValue: return value.isNull ? values[1] : value
        case .asInt, .int: return .number(Double(try Self.integer(function, value, column: column)))
        case .asFloat, .float: return .number(try Self.float(function, value, column: column))
        case .string:
            if case .string = value { return value }
            return .string(value.description)
        case .lower: return .string(try string(function, value, column: column).lowercased())
        case .upper: return .string(try string(function, value, column: column).uppercased())
        case .trim:
            var text = Substring(try string(function, value, column: column))
            while text.first?.isWhitespace == true { text.removeFirst() }
            while text.last?.isWhitespace == true { text.removeLast() }
            return .string(String(text))
        case .all, .any, .none, .one, .filter, .map, .count:
            throw .invalidArgument("\(function.name) needs a predicate", column: column)
        }
    }

    /// The middle value (mean of the two middle values for an even count); NaN when empty or any is NaN.
    static func median(_ numbers: [Double]) -> Double {
        guard !numbers.isEmpty, !numbers.contains(where: \.isNaN) else { return .nan }
        let sorted = numbers.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// `asInt`: a number truncated toward zero, or a string of base-10 digits (as Go's `strconv.ParseInt`).
    private static func integer(_ function: ExpressionFunction, _ value: ExpressionValue, column: Int) throws(ExpressionError) -> Int64 {
        switch value {
        case .number(let number):
            let truncated = number.rounded(.towardZero)
            guard truncated.isFinite, truncated >= -9.223_372_036_854_775_808e18, truncated < 9.223_372_036_854_775_808e18 else {
                throw .invalidArgument("\(function.name) cannot convert \(ExpressionValue.format(number)) to an integer", column: column)
            }
            return Int64(truncated)
        case .string(let text):
            guard let integer = Int64(text) else {
                throw .invalidArgument("\(function.name) cannot convert \(ExpressionValue.quote(text)) to an integer", column: column)
            }
            return integer
        case .null, .bool, .array, .object:
            throw .typeMismatch("\(function.name) needs a number or a string, got \(value.typeName)", column: column)
        }
    }

    /// `asFloat`: a number as is, or a string parsed as a float (as Go's `strconv.ParseFloat`).
    private static func float(_ function: ExpressionFunction, _ value: ExpressionValue, column: Int) throws(ExpressionError) -> Double {
        switch value {
        case .number(let number):
            return number
        case .string(let text):
            guard !text.isEmpty, !text.contains(where: \.isWhitespace), let number = Double(text) else {
                throw .invalidArgument("\(function.name) cannot convert \(ExpressionValue.quote(text)) to a number", column: column)
            }
            return number
        case .null, .bool, .array, .object:
            throw .typeMismatch("\(function.name) needs a number or a string, got \(value.typeName)", column: column)
        }
    }
}
