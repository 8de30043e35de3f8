extension JSONValue {
    /// The value as a measurement stores it, the way Argo prints results: numbers without a needless
    /// fraction (`0.95`, `3`, `NaN`, `+Inf`), lists as `[0.95,1]`, strings as written, maps as JSON with sorted keys.
    public var measurementText: String {
        switch self {
        case .string(let text): return text
        case .null, .bool, .int, .double, .array, .object: return literal(topLevel: true)
        }
    }

    private func literal(topLevel: Bool) -> String {
        switch self {
        case .null: return topLevel ? "nil" : "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return ExpressionValue.format(value)
        case .string(let text): return ExpressionValue.quote(text)
        case .array(let values): return "[" + values.map { $0.literal(topLevel: false) }.joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.keys.sorted().map { "\(ExpressionValue.quote($0)):\(members[$0]!.literal(topLevel: false))" }.joined(separator: ",") + "}"
        }
    }
}
