/// Walks a JSON value against an OpenAPI v3 structural schema, as the API server's pruning does.
enum CRDSchemaPaths {
    /// The paths of `value` the schema does not type (the API server would prune them), e.g. `spec.strategy.canary.foo`.
    static func unknown(in value: Any, schema: [String: Any], at path: String) -> [String] {
        if schema["x-kubernetes-preserve-unknown-fields"] as? Bool == true, schema["properties"] == nil, schema["items"] == nil {
            return []
        }
        switch value {
        case let mapping as [String: Any]:
            if let properties = schema["properties"] as? [String: Any] {
                return mapping.keys.sorted().flatMap { key -> [String] in
                    guard let child = properties[key] as? [String: Any] else {
                        return schema["x-kubernetes-preserve-unknown-fields"] as? Bool == true ? [] : ["\(path).\(key)"]
                    }
                    return unknown(in: mapping[key] as Any, schema: child, at: "\(path).\(key)")
                }
            }
            if let additional = schema["additionalProperties"] as? [String: Any] {
                return mapping.keys.sorted().flatMap { unknown(in: mapping[$0] as Any, schema: additional, at: "\(path).\($0)") }
            }
            if schema["additionalProperties"] as? Bool == true { return [] }
            return mapping.isEmpty ? [] : ["\(path) (an object the schema gives no fields)"]
        case let list as [Any]:
            guard let items = schema["items"] as? [String: Any] else { return [] }
            return list.enumerated().flatMap { unknown(in: $0.element, schema: items, at: "\(path)[\($0.offset)]") }
        default:
            return []
        }
    }
}
