import Testing
import TurnoutCore

@Suite struct ConditionExpressionTests {
    struct ConditionRow: Sendable, CustomTestStringConvertible {
        var expression: String
        var result: ExpressionValue
        var expected: Bool
        var testDescription: String { "\(expression) with result \(result) → \(expected)" }

        init(_ expression: String, _ result: ExpressionValue, _ expected: Bool) {
            self.expression = expression
            self.result = result
            self.expected = expected
        }
    }

    struct ValueRow: Sendable, CustomTestStringConvertible {
        var expression: String
        var expected: ExpressionValue
        var testDescription: String { "\(expression) → \(expected)" }

        init(_ expression: String, _ expected: ExpressionValue) {
            self.expression = expression
            self.expected = expected
        }
    }

    static let web: ExpressionValue = ["data": ["ok": true, "p99": 420, "successPercent": 0.93, "status": "ok"]]
    static let items: ExpressionValue = ["items": [["latency": 120, "code": 200], ["latency": 280, "code": 503]]]
    /// Argo's evaluate_test.go fixture: a nested map with an array of floats.
    static let apdex: ExpressionValue = ["service_apdex": ["label": nil, "values": ["values": [2, 2]]]]

    /// What people write in Argo conditions, each form with a result that makes it true and one that makes it false.
    static let conditions: [ConditionRow] = [
        // Prometheus vectors and scalars (Argo docs: "result[0] >= 0.95").
        ConditionRow("result[0] >= 0.95", [0.97], true),
        ConditionRow("result[0] >= 0.95", [0.90], false),
        ConditionRow("result > 0.99 && result < 2", 1.5, true),
        ConditionRow("result > 0.99 && result < 2", 2, false),
        ConditionRow("result > 0.99 and result < 2", 0.5, false),
        ConditionRow("result < 0.5 || result > 2", 3, true),
        ConditionRow("result < 0.5 or result > 2", 1, false),
        ConditionRow("len(result) > 0", [1], true),
        ConditionRow("len(result) > 0", [], false),
        ConditionRow("len(result) == 0 || result[0] >= 0.95", [], true),
        ConditionRow("len(result) == 0 || result[0] >= 0.95", [0.5], false),
        // Predicates, with and without braces, and `.field` shorthand.
        ConditionRow("all(result, {# < 500})", [120, 340, 499], true),
        ConditionRow("all(result, {# < 500})", [120, 501], false),
        ConditionRow("all(result, {# < 500})", [], true),
        ConditionRow("all(result, # < 500)", [1, 2], true),
        ConditionRow("any(result, {# > 1})", [0.5, 2], true),
        ConditionRow("any(result, {# > 1})", [], false),
        ConditionRow("none(result, {# > 1})", [0.5, 0.9], true),
        ConditionRow("none(result, {# > 1})", [0.5, 1.1], false),
        ConditionRow("one(result, {# > 1})", [2, 0.5], true),
        ConditionRow("one(result, {# > 1})", [2, 3], false),
        ConditionRow("len(filter(result, {# > 1})) == 2", [0.5, 2, 3], true),
        ConditionRow("map(result, {# * 2})[1] == 4", [1, 2], true),
        ConditionRow("count(result, {# > 1}) == 2", [0.5, 2, 3], true),
        ConditionRow("all(result.service_apdex.values.values, {# > 1})", apdex, true),
        ConditionRow("all(result.items, {.latency < 300})", items, true),
        ConditionRow("any(result.items, {#.code >= 500})", items, true),
        ConditionRow("all(result, {all(#, {# > 0})})", [[1, 2], [3]], true),
        ConditionRow("all(result, {all(#, {# > 0})})", [[1, 2], [0]], false),
        // Argo's evaluate_test.go cases.
        ConditionRow("result == true", true, true),
        ConditionRow("result == false", true, false),
        ConditionRow("2 in result", [2, 2], true),
        ConditionRow("result > 1", 5, true),
        ConditionRow("asInt(result) == 1", "1", true),
        ConditionRow("asInt(result) == 1", 1, true),
        ConditionRow("asInt(result) == 1", 1.123, true),
        ConditionRow("asFloat(result) == 1.1", "1.1", true),
        ConditionRow("asFloat(result) >= 1.1", "1.1", true),
        ConditionRow("asFloat(result) <= 1.1", "1.1", true),
        ConditionRow("asFloat(result) == 1.1", 1.1, true),
        ConditionRow("asFloat(result) == 1", 1, true),
        // NaN, Inf and nil handling (Argo docs: isNaN, isInf, isNil, default).
        ConditionRow("isNaN(result)", .number(.nan), true),
        ConditionRow("isNaN(result)", 0.3, false),
        ConditionRow("isNaN(result) || result >= 0.95", .number(.nan), true),
        ConditionRow("isNaN(result[0])", [.number(.nan)], true),
        ConditionRow("result >= 0.95", .number(.nan), false),
        ConditionRow("isInf(result)", .number(.infinity), true),
        ConditionRow("isInf(result)", .number(-.infinity), true),
        ConditionRow("isInf(result)", 1, false),
        ConditionRow("isNil(result)", nil, true),
        ConditionRow("isNil(result)", 0, false),
        ConditionRow("default(result, 0) < 0.05", nil, true),
        ConditionRow("default(result, 0) < 0.05", 0.5, false),
        ConditionRow("result == nil", nil, true),
        ConditionRow("result == null", nil, true),
        ConditionRow("(result ?? 3) == 3", nil, true),
        // Web provider JSON: members, string keys, missing members are nil.
        ConditionRow("result.data.ok", web, true),
        ConditionRow("result.data.ok && result.data.successPercent >= 0.90", web, true),
        ConditionRow("result[\"data\"]['p99'] < 500", web, true),
        ConditionRow("result.data.missing == nil", web, true),
        ConditionRow("result?.data?.missing?.deeper == nil", web, true),
        ConditionRow("result?.a.b[0] == nil", nil, true),
        ConditionRow("'ok' in result.data", web, true),
        ConditionRow("'nope' not in result.data", web, true),
        ConditionRow("result.data.status in ['ok', 'degraded']", web, true),
        ConditionRow("result.data.status not in ['ok']", web, false),
        ConditionRow("result.items[0].latency < 300", items, true),
        ConditionRow("result.items[-1].code == 503", items, true),
        ConditionRow("result == 'true'", "true", true),
        ConditionRow("result contains 'ell'", "hello", true),
        ConditionRow("result startsWith 'he' && result endsWith 'lo'", "hello", true),
        // Negation, ternary, chained comparison.
        ConditionRow("not (result > 1)", 0.5, true),
        ConditionRow("!(result > 1)", 0.5, true),
        ConditionRow("!result", false, true),
        ConditionRow("result > 0.5 ? result < 1 : false", 0.7, true),
        ConditionRow("result > 0.5 ? result < 1 : false", 0.2, false),
        ConditionRow("1 < result < 3", 2, true),
        ConditionRow("1 < result < 3", 3, false),
        ConditionRow("0 <= result <= 1 < 2", 1, true),
        // Aggregates.
        ConditionRow("max(result) < 500 and min(result) > 0", [120, 340], true),
        ConditionRow("first(result) == 1 && last(result) == 3", [1, 2, 3], true),
        ConditionRow("mean(result) == 2 && sum(result) == 6", [1, 2, 3], true),
        ConditionRow("median(result) == 2.5", [4, 1, 3, 2], true),
        ConditionRow("abs(result) == 2", -2, true),
        ConditionRow("string(result) == '42'", 42, true),
        ConditionRow("keys(result) == ['a', 'b']", ["b": 1, "a": 2], true),
        ConditionRow("len(result) == 5", "héllo", true),
    ]

    @Test(arguments: conditions)
    func evaluatesCondition(_ row: ConditionRow) throws {
        let expression = try ConditionExpression(parsing: row.expression)
        #expect(try expression.evaluate(result: row.result) == row.expected)
    }

    /// Operators, precedence, literals and builtins, by value.
    static let values: [ValueRow] = [
        ValueRow("1 + 2 * 3", 7),
        ValueRow("(1 + 2) * 3", 9),
        ValueRow("1 - 2 - 3", -4),
        ValueRow("2 ** 3 ** 2", 512),
        ValueRow("-2 ** 2", -4),
        ValueRow("2 ^ 10", 1024),
        ValueRow("2 * 3 % 4", 2),
        ValueRow("7 % 3", 1),
        ValueRow("-7 % 3", -1),
        ValueRow("7.5 % 2", 1.5),
        ValueRow("10 / 4", 2.5),
        ValueRow("1 / 0", .number(.infinity)),
        ValueRow("-1 / 0", .number(-.infinity)),
        ValueRow("0 / 0", .number(.nan)),
        ValueRow("5 % 0", .number(.nan)),
        ValueRow("0/0 == 0/0", false),
        ValueRow("0/0 < 1 || 0/0 >= 1", false),
        ValueRow("--3", 3),
        ValueRow("+3", 3),
        ValueRow("1e3", 1000),
        ValueRow("2.5E-1", 0.25),
        ValueRow("1_000_000", 1_000_000),
        ValueRow("0x1F", 31),
        ValueRow("1e999", .number(.infinity)),
        ValueRow("'a' + \"b\"", "ab"),
        ValueRow("[1] + [2]", [1, 2]),
        ValueRow("'it\\'s'", "it's"),
        ValueRow("\"say \\\"hi\\\"\"", "say \"hi\""),
        ValueRow("\"line\\nnext\\ttab\"", "line\nnext\ttab"),
        ValueRow("'\\u00e9\\x41\\U0001F600'", "éA😀"),
        ValueRow("`raw\\n`", "raw\\n"),
        ValueRow("'héllo'[1]", "é"),
        ValueRow("'hello'[-1]", "o"),
        ValueRow("true", true),
        ValueRow("nil", nil),
        ValueRow("null == nil", true),
        ValueRow("nil ?? 'x'", "x"),
        ValueRow("0 ?? 'x'", 0),
        ValueRow("1 == 1.0", true),
        ValueRow("'1' == 1", false),
        ValueRow("'1' != 1", true),
        ValueRow("nil == false", false),
        ValueRow("[1, 'a'] == [1, 'a']", true),
        ValueRow("{a: 1, 'b c': [2]} == {'a': 1, \"b c\": [2]}", true),
        ValueRow("{a: 1, 'b c': 2}['b c']", 2),
        ValueRow("[1, 2, 3,][1]", 2),
        ValueRow("len([]) + len({})", 0),
        ValueRow("'abc' < 'abd'", true),
        ValueRow("'b' >= 'a'", true),
        ValueRow("1 in [1, 2]", true),
        ValueRow("3 not in [1, 2]", true),
        ValueRow("true ? 1 : 2", 1),
        ValueRow("false ? 1 : true ? 2 : 3", 2),
        ValueRow("1 < 2 == true", true),
        ValueRow("!true == false", true),
        ValueRow("not true or true", true),
        ValueRow("true || 1", true),
        ValueRow("false && 1", false),
        ValueRow("min(3, 1, 2)", 1),
        ValueRow("max([4, 9])", 9),
        ValueRow("max([])", nil),
        ValueRow("mean([])", .number(.nan)),
        ValueRow("sum([])", 0),
        ValueRow("first([])", nil),
        ValueRow("ceil(1.2) + floor(1.8)", 3),
        ValueRow("[round(2.5), round(-2.5), round(2.4)]", [3, -3, 2]),
        ValueRow("asInt(-3.9)", -3),
        ValueRow("asInt('-12')", -12),
        ValueRow("int(2.7) + float('0.5')", 2.5),
        ValueRow("asFloat('2.5e3')", 2500),
        ValueRow("string(0.5) + string(true) + string(nil) + string([1])", "0.5truenil[1]"),
        ValueRow("lower('AbC') + upper('d') + trim('  e \\n')", "abcDe"),
        ValueRow("values({b: 1, a: 2})", [2, 1]),
        ValueRow("filter([1, 2, 3, 4], {# % 2 == 0})", [2, 4]),
        ValueRow("map([1, 2], {[#, # * 10]})", [[1, 10], [2, 20]]),
    ]

    @Test(arguments: values)
    func evaluatesValue(_ row: ValueRow) throws {
        let value = try ConditionExpression(parsing: row.expression).evaluate(variables: [:])
        #expect(Self.isSame(value, row.expected), "got \(value)")
    }

    @Test func evaluatesWithNamedVariables() throws {
        let expression = try ConditionExpression(parsing: "canary / stable <= 1.2 && region == 'eu'")
        #expect(expression.variableNames == ["canary", "stable", "region"])
        let value = try expression.evaluate(variables: ["canary": 110, "stable": 100, "region": "eu"])
        #expect(value == true)
    }

    @Test func checksVariablesWithTheirColumns() throws {
        let expression = try ConditionExpression(parsing: "result > 1 && resutl < 2")
        #expect(throws: Never.self) { try ConditionExpression(parsing: "result[0] > 1").checkVariables(["result"]) }
        #expect(throws: ExpressionError.unknownVariable("resutl", suggestion: "result", column: 15)) {
            try expression.checkVariables(["result"])
        }
    }

    @Test func equalityIsByText() throws {
        let first = try ConditionExpression(parsing: "result > 1")
        #expect(first == (try ConditionExpression(parsing: "result > 1")))
        #expect(first != (try ConditionExpression(parsing: "result>1")))
        #expect(first.description == "result > 1")
    }

    /// Equality with NaN equal to NaN, for expected values.
    static func isSame(_ left: ExpressionValue, _ right: ExpressionValue) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return a == b || (a.isNaN && b.isNaN)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { isSame($0, $1) }
        case (.object(let a), .object(let b)):
            return a.keys == b.keys && a.allSatisfy { key, value in isSame(value, b[key]!) }
        default:
            return left == right
        }
    }
}
