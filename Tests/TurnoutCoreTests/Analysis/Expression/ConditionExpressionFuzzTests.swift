import Testing
import TurnoutCore
import TurnoutTestSupport

/// Random inputs never crash the parser or the evaluator: every failure is an `ExpressionError`
/// whose column lies inside the text (or one past its end).
@Suite struct ConditionExpressionFuzzTests {

    static let fragments = [
        "result", "#", ".", "?.", "1", "0.5", "1e3", "0x1F", "1_0", "'a'", "\"b\"", "`c`", "'\\n'", "(", ")", "[", "]",
        "{", "}", ",", ":", "?", "??", "+", "-", "*", "/", "%", "**", "^", "==", "!=", "<", "<=", ">", ">=", "&&",
        "||", "!", "not", "in", "and", "or", "contains", "true", "false", "nil", "null", "x", "len(", "all(", "any(",
        "map(", "filter(", "count(", "isNaN(", "default(", "asInt(", "asFloat(", "max(", "median(", "string(", "@",
        "'", "\"", "\\", "é", "😀", "=", "&", "|", "\t", "1e", "data", "0", "-1", "[0]", ".data", "{#", "#}",
    ]

    static let results: [ExpressionValue] = [
        nil, true, 0, 0.5, -1, .number(.nan), .number(.infinity), "text", [], [1, 2, 3], [0.97],
        [[1], [2, 3]], ["data": ["ok": true, "p99": 420]], ["a": [1, nil, "x"]],
    ]

    static func checkNeverCrashes(_ text: String) {
        let limit = text.unicodeScalars.count + 1
        do {
            let expression = try ConditionExpression(parsing: text)
            for result in results {
                do {
                    _ = try expression.evaluate(result: result)
                } catch {
                    #expect((1...limit).contains(error.column), "\(text): \(error)")
                }
            }
        } catch {
            #expect((1...max(limit, ConditionExpression.maximumLength + 1)).contains(error.column), "\(text): \(error)")
        }
    }

    @Test func randomTokenSequencesNeverCrash() {
        var generator = SplitMix64(seed: 0x7475_726E_6F75_7401)
        for _ in 0..<5_000 {
            let count = 1 + generator.below(30)
            var text = ""
            for _ in 0..<count {
                text += generator.pick(Self.fragments)
                if generator.below(3) == 0 { text += " " }
            }
            Self.checkNeverCrashes(text)
        }
    }

    /// A random well-formed expression: a tree of operators, calls, accesses and literals.
    static func wellFormed(_ generator: inout SplitMix64, depth: Int, inPredicate: Bool) -> String {
        if depth == 0 || generator.below(4) == 0 {
            var leaves = ["result", "1", "0.5", "2", "'a'", "true", "nil", "[1, 2]", "{a: 1}"]
            if inPredicate { leaves += ["#", "#", ".a"] }
            return generator.pick(leaves)
        }
        let operand = { (generator: inout SplitMix64) in wellFormed(&generator, depth: depth - 1, inPredicate: inPredicate) }
        switch generator.below(11) {
        case 0, 1, 2:
            let op = generator.pick(["+", "-", "*", "/", "%", "**", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "in", "not in", "??", "and", "or"])
            return "\(operand(&generator)) \(op) \(operand(&generator))"
        case 3:
            return "\(generator.pick(["-", "!", "not "]))\(operand(&generator))"
        case 4:
            return "(\(operand(&generator)))"
        case 5:
            return "\(operand(&generator)) ? \(operand(&generator)) : \(operand(&generator))"
        case 6:
            return "\(operand(&generator))[\(operand(&generator))]"
        case 7:
            return "\(operand(&generator)).\(generator.pick(["a", "data", "ok"]))"
        case 8:
            let function = generator.pick(["all", "any", "none", "one", "filter", "map", "count"])
            return "\(function)(\(operand(&generator)), {\(wellFormed(&generator, depth: depth - 1, inPredicate: true))})"
        case 9:
            let function = generator.pick(["len", "abs", "isNaN", "isInf", "isNil", "asInt", "asFloat", "string", "first", "mean", "max"])
            return "\(function)(\(operand(&generator)))"
        default:
            return "[\(operand(&generator)), \(operand(&generator))]"
        }
    }

    @Test func randomWellFormedExpressionsParseAndNeverCrash() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<3_000 {
            let text = Self.wellFormed(&generator, depth: 6, inPredicate: false)
            let expression = try ConditionExpression(parsing: text)
            for result in Self.results {
                do {
                    _ = try expression.evaluate(result: result)
                } catch {
                    #expect((1...text.unicodeScalars.count + 1).contains(error.column), "\(text): \(error)")
                }
            }
            // The same text with one character removed or duplicated must not crash either.
            var scalars = Array(text.unicodeScalars)
            let position = generator.below(scalars.count)
            if generator.below(2) == 0 { scalars.remove(at: position) } else { scalars.insert(scalars[position], at: position) }
            Self.checkNeverCrashes(String(String.UnicodeScalarView(scalars)))
        }
    }
}
