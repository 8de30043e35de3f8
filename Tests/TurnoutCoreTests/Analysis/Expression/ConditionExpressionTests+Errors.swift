import Testing
import TurnoutCore

extension ConditionExpressionTests {
    struct ErrorRow: Sendable, CustomTestStringConvertible {
        var expression: String
        var result: ExpressionValue
        var message: String
        var testDescription: String { "\(expression) → \(message)" }

        init(_ expression: String, _ message: String, result: ExpressionValue = nil) {
            self.expression = expression
            self.message = message
            self.result = result
        }
    }

    /// Parse errors, rendered with their column (`description`).
    static let parseErrors: [ErrorRow] = [
        ErrorRow("", "expression is empty at column 1"),
        ErrorRow("   ", "expression is empty at column 4"),
        ErrorRow("result[0] >= ", "unexpected end of expression at column 14"),
        ErrorRow("len(result)) > 0", "unexpected token ')' at column 12"),
        ErrorRow("result > 0.95)", "unexpected token ')' at column 14"),
        ErrorRow("(result > 1", "expected ')' to close '(' at column 1, found end of expression at column 12"),
        ErrorRow("result[0", "expected ']' to close '[' at column 7, found end of expression at column 9"),
        ErrorRow("[1, 2", "expected ']' to close '[' at column 1, found end of expression at column 6"),
        ErrorRow("all(result, {# > 1)", "expected '}' to close '{' at column 13, found token ')' at column 19"),
        ErrorRow("a ? b", "expected ':' in the conditional started by '?' at column 3, found end of expression at column 6"),
        ErrorRow("lenn(result) > 0", "unknown function 'lenn' at column 1; did you mean 'len'?"),
        ErrorRow("result > 1 && isnan(result)", "unknown function 'isnan' at column 15; did you mean 'isNaN'?"),
        ErrorRow("frobnicate(result)", "unknown function 'frobnicate' at column 1"),
        ErrorRow("all(result)", "all takes 2 arguments, got 1 at column 1"),
        ErrorRow("len(result, 2)", "len takes 1 argument, got 2 at column 1"),
        ErrorRow("max()", "max takes at least 1 argument, got 0 at column 1"),
        ErrorRow("result = 1", "unexpected '='; did you mean '=='? at column 8"),
        ErrorRow("result > 1 & true", "unexpected '&'; did you mean '&&'? at column 12"),
        ErrorRow("result | 1", "unexpected '|'; did you mean '||'? at column 8"),
        ErrorRow("result @ 1", "unexpected character '@' at column 8"),
        ErrorRow("résult > 1", "unexpected character 'é' at column 2"),
        ErrorRow("'héllo' == résult", "unexpected character 'é' at column 13"),
        ErrorRow("result == 'abc", "unterminated string at column 11"),
        ErrorRow("result == `abc", "unterminated string at column 11"),
        ErrorRow("'a\\q'", "invalid escape '\\q' in string at column 3"),
        ErrorRow("'\\u12'", "invalid escape '\\u12'': expected 4 hexadecimal digits at column 2"),
        ErrorRow("'\\uD800'", "invalid escape '\\uD800': not a Unicode scalar value at column 2"),
        ErrorRow("1e", "invalid number '1e': the exponent has no digits at column 1"),
        ErrorRow("12abc > 1", "invalid number '12abc' at column 1"),
        ErrorRow("0xZZ", "invalid number '0xZZ' at column 1"),
        ErrorRow("# > 1", "'#' can only be used inside a predicate, as in all(result, {# > 0}) at column 1"),
        ErrorRow("result.", "expected a member name after '.', found end of expression at column 8"),
        ErrorRow("result.0", "expected a member name after '.', found token '0' at column 8"),
        ErrorRow("and result", "unexpected operator 'and': it needs an operand on its left at column 1"),
        ErrorRow("{a 1}", "expected ':' after the map key 'a', found token '1' at column 4"),
        ErrorRow("{1: 2}", "expected a map key (a name or a string), found token '1' at column 2"),
        ErrorRow("result > 1 result", "unexpected token 'result' at column 12"),
        ErrorRow("result not 1", "unexpected token 'not' at column 8"),
        ErrorRow("1 +* 2", "unexpected token '*' at column 4"),
        ErrorRow("[,]", "unexpected token ',' at column 2"),
    ]

    @Test(arguments: parseErrors)
    func reportsParseError(_ row: ErrorRow) {
        #expect(performing: { try ConditionExpression(parsing: row.expression) }, throws: { error in
            (error as? ExpressionError)?.description == row.message
        })
    }

    /// Evaluation errors, rendered with their column.
    static let evaluationErrors: [ErrorRow] = [
        ErrorRow("1", "a condition must evaluate to a bool, got number at column 1"),
        ErrorRow("result", "a condition must evaluate to a bool, got string at column 1", result: "true"),
        ErrorRow("result > 'a'", "cannot compare number and string at column 8", result: 1),
        ErrorRow("result > 1", "cannot compare array and number at column 8", result: [1]),
        ErrorRow("result < 1", "cannot compare nil and number at column 8"),
        ErrorRow("result[0] >= 0.95", "index 0 is out of range for an array of 0 elements at column 7", result: []),
        ErrorRow("result[2] >= 0.95", "index 2 is out of range for an array of 1 element at column 7", result: [1]),
        ErrorRow("result[1.5] > 0", "an array index must be a whole number, got 1.5 at column 7", result: [1, 2]),
        ErrorRow("result['a'] > 0", "an array index must be a number, got string at column 7", result: [1]),
        ErrorRow("result[0] > 0", "a map key must be a string, got number at column 7", result: ["a": 1]),
        ErrorRow("result[0] > 0", "cannot index nil at column 7"),
        ErrorRow("result[1] > 0", "index 1 is out of range: a number reads as a one-element list, so only [0] and [-1] work at column 7", result: 3),
        ErrorRow("result[true] > 0", "cannot index a bool at column 7", result: true),
        ErrorRow("resutl > 1", "unknown name 'resutl' at column 1; did you mean 'result'?", result: 1),
        ErrorRow("invalidVariable", "unknown name 'invalidVariable' at column 1", result: true),
        ErrorRow("result && true", "operator '&&' needs bools, got number on its left at column 8", result: 1),
        ErrorRow("result or true", "operator '||' needs bools, got number on its left at column 8", result: 1),
        ErrorRow("true and result", "operator '&&' needs bools, got number on its right at column 6", result: 1),
        ErrorRow("result.data.ok", "cannot read member 'data' of nil (write '?.data' to allow nil) at column 7"),
        ErrorRow("result.data.ok", "cannot read member 'ok' of a number at column 12", result: ["data": 1]),
        ErrorRow("result + 1 > 0", "operator '+' needs two numbers, strings or arrays, got string and number at column 8", result: "a"),
        ErrorRow("result * 2 > 0", "operator '*' needs numbers, got string and number at column 8", result: "a"),
        ErrorRow("-result > 0", "operator '-' needs a number, got string at column 1", result: "a"),
        ErrorRow("!result", "operator '!' needs a bool, got number at column 1", result: 1),
        ErrorRow("asInt(result) == 1", "asInt cannot convert \"1.1\" to an integer at column 1", result: "1.1"),
        ErrorRow("asInt(result) == 1", "asInt cannot convert +Inf to an integer at column 1", result: .number(.infinity)),
        ErrorRow("asFloat(result) == 1.1", "asFloat cannot convert \"NotANum\" to a number at column 1", result: "NotANum"),
        ErrorRow("asFloat(result) == 1.1", "asFloat needs a number or a string, got bool at column 1", result: true),
        ErrorRow("all(result, {# + 1})", "the predicate of all must return a bool, got number at column 16", result: [1]),
        ErrorRow("all(result, {# > 1})", "all needs an array, got nil at column 1"),
        ErrorRow("isNaN(result)", "isNaN needs a number, got nil at column 1"),
        ErrorRow("len(result) > 0", "len needs a string, an array or a map, got number at column 1", result: 3),
        ErrorRow("2 in result", "operator 'in' needs an array or a map on its right, got number at column 3", result: 2),
        ErrorRow("1 in result", "operator 'in' on a map needs a string key, got number at column 3", result: ["a": 1]),
        ErrorRow("result contains 1", "operator 'contains' needs strings, got string and number at column 8", result: "a"),
        ErrorRow("result ? 1 : 2", "the condition before '?' must be a bool, got number at column 8", result: 1),
        ErrorRow("sum(result) > 0", "sum needs numbers, got string at column 1", result: ["a"]),
    ]

    @Test(arguments: evaluationErrors)
    func reportsEvaluationError(_ row: ErrorRow) throws {
        let expression = try ConditionExpression(parsing: row.expression)
        #expect(performing: { try expression.evaluate(result: row.result) }, throws: { error in
            (error as? ExpressionError)?.description == row.message
        })
    }

    @Test func errorMessageLeavesOutTheColumn() {
        let error = ExpressionError.unknownFunction("lenn", suggestion: "len", column: 1)
        #expect(error.message == "unknown function 'lenn'; did you mean 'len'?")
        #expect(error.column == 1)
        #expect(ExpressionError.syntax("unexpected token ')'", column: 14).description == "unexpected token ')' at column 14")
    }

    @Test(arguments: [
        (String(repeating: "(", count: 99) + "1" + String(repeating: ")", count: 99), true),
        (String(repeating: "(", count: 101) + "1" + String(repeating: ")", count: 101), false),
        (String(repeating: "-", count: 99) + "1", true),
        (String(repeating: "-", count: 100) + "1", false),
        (String(repeating: "!", count: 5_000) + "true", false),
        ("1" + String(repeating: " + 1", count: 99), true),
        ("1" + String(repeating: " + 1", count: 100), false),
        ("x" + String(repeating: ".a", count: 2_000), false),
        (String(repeating: "[", count: 3_000), false),
        (String(repeating: "len(", count: 1_000), false),
        (String(repeating: "true ? 1 : ", count: 500) + "2", false),
    ])
    func limitsNesting(text: String, isAccepted: Bool) throws {
        if isAccepted {
            let value = try ConditionExpression(parsing: text).evaluate(variables: [:])
            #expect(value.numberValue != nil)
        } else {
            #expect(performing: { try ConditionExpression(parsing: text) }, throws: { error in
                guard case .tooComplex(let message, _)? = error as? ExpressionError else { return false }
                return message == "expression nests deeper than 100 levels"
            })
        }
    }

    @Test func limitsLength() {
        let text = "result > " + String(repeating: "1", count: 10_000)
        #expect(throws: ExpressionError.tooComplex("expression is 10009 characters long; the limit is 8192", column: 8_193)) {
            try ConditionExpression(parsing: text)
        }
    }

    @Test func limitsEvaluationSteps() throws {
        let expression = try ConditionExpression(parsing: "len(map(result, {map(result, {map(result, {#})})})) > 0")
        let result = ExpressionValue.array(Array(repeating: 1, count: 200))
        #expect(performing: { try expression.evaluate(result: result) }, throws: { error in
            guard case .tooComplex(let message, _)? = error as? ExpressionError else { return false }
            return message == "evaluation takes more than 1000000 steps"
        })
        let doubling = try ConditionExpression(parsing: "len(" + Array(repeating: "result", count: 80).joined(separator: " + ") + ") > 0")
        #expect(throws: ExpressionError.self) {
            try doubling.evaluate(result: .array(Array(repeating: 1, count: 50_000)))
        }
    }
}

extension ConditionExpressionTests {
    @Test func evaluatesTheDeepestAcceptedNestingOfPredicates() throws {
        let levels = 97
        let text = "all(result, {" + String(repeating: "all(#, {", count: levels - 1) + "# > 0" + String(repeating: "})", count: levels)
        var result: ExpressionValue = 1
        for _ in 0..<levels { result = [result] }
        #expect(try ConditionExpression(parsing: text).evaluate(result: result) == true)
    }
}
