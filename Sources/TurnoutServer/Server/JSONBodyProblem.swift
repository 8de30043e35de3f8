/// Describes why a JSON request body did not decode, naming the field.
enum JSONBodyProblem {
    /// A sentence such as `field files[0].manifest: expected a string`.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \(path(context.codingPath + [key]))"
        case .typeMismatch(let type, let context):
            return "field \(path(context.codingPath)): expected \(name(of: type))"
        case .valueNotFound(let type, let context):
            return "field \(path(context.codingPath)) is null, expected \(name(of: type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "the body is not valid JSON" }
            return "field \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "the body does not decode: \(error)"
        }
    }

    /// A coding path as `a.b[0].c`; `(body)` when empty.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(body)" : text
    }

    private static func name(of type: Any.Type) -> String {
        switch "\(type)" {
        case "String": return "a string"
        case "Int", "Int32", "Int64": return "an integer"
        case "Double": return "a number"
        case "Bool": return "true or false"
        case let other where other.hasPrefix("Array"): return "a list"
        case let other where other.hasPrefix("Dictionary"): return "an object"
        case let other: return other
        }
    }
}
