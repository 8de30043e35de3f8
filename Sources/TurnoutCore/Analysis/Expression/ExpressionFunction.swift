/// The builtin functions a condition can call: Argo Rollouts' helpers and the expr-lang builtins
/// people use in conditions.
///
/// `isNil(x)` and `default(x, d)` look at their argument. (Argo's own helpers ignore the argument and
/// look at `result`; with the documented spelling `isNil(result)` / `default(result, 0)` both agree.)
enum ExpressionFunction: String, CaseIterable, Sendable {
    case len, abs, ceil, floor, round, min, max, sum, mean, median, first, last, keys, values
    case all, any, none, one, filter, map, count
    case isNaN, isInf, isNil
    case defaultValue = "default"
    case asInt, asFloat, int, float, string, lower, upper, trim

    /// The function name as written.
    var name: String { rawValue }

    /// Whether the second argument is a predicate (`{# > 0}` or `# > 0`), evaluated once per element.
    var takesPredicate: Bool {
        switch self {
        case .all, .any, .none, .one, .filter, .map, .count: true
        case .len, .abs, .ceil, .floor, .round, .min, .max, .sum, .mean, .median, .first, .last, .keys, .values,
             .isNaN, .isInf, .isNil, .defaultValue, .asInt, .asFloat, .int, .float, .string, .lower, .upper, .trim: false
        }
    }

    /// How many arguments the function takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .min, .max: 1...Int.max
        case .all, .any, .none, .one, .filter, .map, .count, .defaultValue: 2...2
        case .len, .abs, .ceil, .floor, .round, .sum, .mean, .median, .first, .last, .keys, .values,
             .isNaN, .isInf, .isNil, .asInt, .asFloat, .int, .float, .string, .lower, .upper, .trim: 1...1
        }
    }

    /// "1 argument", "2 arguments" or "at least 1 argument", for arity errors.
    var arityDescription: String {
        if arity.upperBound == Int.max {
            return "at least \(arity.lowerBound) argument" + (arity.lowerBound == 1 ? "" : "s")
        }
        return "\(arity.lowerBound) argument" + (arity.lowerBound == 1 ? "" : "s")
    }
}
