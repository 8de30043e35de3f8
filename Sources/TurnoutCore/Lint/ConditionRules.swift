/// Checks a metric's `successCondition` and `failureCondition`: each must parse and read only `result`.
///
/// `{{args.NAME}}` placeholders are blanked out (same length) before parsing, so they do not count as
/// errors and columns still match the text as written.
enum ConditionRules {
    /// Reports a condition that does not parse, with the column inside the expression.
    static func check(_ metric: Metric, at path: LintContext.Path, in context: inout LintContext) {
        let conditions: [(String, String?)] = [("successCondition", metric.successCondition), ("failureCondition", metric.failureCondition)]
        for case let (field, text?) in conditions where !text.allSatisfy(\.isWhitespace) {
            do throws(ExpressionError) {
                let expression = try ConditionExpression(parsing: blankingPlaceholders(in: text))
                try expression.checkVariables(["result"])
            } catch {
                context.error(
                    path + [.key(field)], "\(field) `\(text)` does not parse: \(error.description)",
                    fix: "fix the expression, e.g. `result[0] >= 0.95`")
            }
        }
    }

    /// The text with every `{{args.NAME}}` replaced by `0` and spaces of the same length.
    static func blankingPlaceholders(in text: String) -> String {
        var result = ""
        var position = text.startIndex
        for placeholder in ArgumentPlaceholders.placeholders(in: text) {
            result += text[position..<placeholder.range.lowerBound]
            let length = text[placeholder.range].unicodeScalars.count
            result += "0" + String(repeating: " ", count: max(0, length - 1))
            position = placeholder.range.upperBound
        }
        return result + text[position...]
    }
}
