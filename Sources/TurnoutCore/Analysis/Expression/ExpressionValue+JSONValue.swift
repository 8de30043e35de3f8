extension ExpressionValue {
    /// Converts a JSON value (a provider's decoded response) into an expression value; integers become numbers.
    public init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .number(Double(value))
        case .double(let value): self = .number(value)
        case .string(let value): self = .string(value)
        case .array(let values): self = .array(values.map(ExpressionValue.init))
        case .object(let members): self = .object(members.mapValues(ExpressionValue.init))
        }
    }
}
