import Foundation

/// Any JSON value the API server sends or accepts: an untyped object, a patch, a field of an unknown kind.
///
/// Integers stay `.int` so resourceVersions, replica counts and generations survive a round trip unchanged.
public enum KubernetesJSON: Sendable, Hashable, Codable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without a fraction.
    case int(Int)
    /// A number with a fraction or exponent.
    case double(Double)
    /// A string.
    case string(String)
    /// A list.
    case array([KubernetesJSON])
    /// An object with string keys.
    case object([String: KubernetesJSON])

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: KubernetesJSONKey.self) {
            var object: [String: KubernetesJSON] = [:]
            for key in container.allKeys {
                object[key.stringValue] = try container.decode(KubernetesJSON.self, forKey: key)
            }
            self = .object(object)
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var array: [KubernetesJSON] = []
            while !container.isAtEnd {
                array.append(try container.decode(KubernetesJSON.self))
            }
            self = .array(array)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes the value as the matching JSON value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member named `key` of an object; `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> KubernetesJSON? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The value at a path of object keys (`["metadata", "name"]`); `nil` where the path leaves the objects.
    public subscript(path path: [String]) -> KubernetesJSON? {
        var current: KubernetesJSON? = self
        for key in path { current = current?[key] }
        return current
    }

    /// A copy with the value at a path of object keys replaced (objects along the path are created as needed).
    public func replacing(_ path: [String], with value: KubernetesJSON) -> KubernetesJSON {
        guard let key = path.first else { return value }
        var object = objectValue ?? [:]
        object[key] = (object[key] ?? .object([:])).replacing(Array(path.dropFirst()), with: value)
        return .object(object)
    }

    /// A copy of an object without one member (other values unchanged).
    public func removing(_ key: String) -> KubernetesJSON {
        guard var members = objectValue else { return self }
        members[key] = nil
        return .object(members)
    }

    /// The string this value holds, if it is a string.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The integer this value holds, if it is an integral number.
    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value): return value.rounded() == value ? Int(exactly: value) : nil
        case .null, .bool, .string, .array, .object: return nil
        }
    }

    /// The elements this value holds, if it is a list.
    public var arrayValue: [KubernetesJSON]? {
        guard case .array(let value) = self else { return nil }
        return value
    }

    /// The members this value holds, if it is an object.
    public var objectValue: [String: KubernetesJSON]? {
        guard case .object(let value) = self else { return nil }
        return value
    }

    /// Decodes this value as a `Decodable` model.
    public func decoded<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(self))
    }

    /// Encodes a model into a JSON value.
    public init(encoding value: some Encodable) throws {
        self = try JSONDecoder().decode(KubernetesJSON.self, from: JSONEncoder().encode(value))
    }
}

extension KubernetesJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A floating-point literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A list literal.
    public init(arrayLiteral elements: KubernetesJSON...) { self = .array(elements) }
    /// An object literal.
    public init(dictionaryLiteral elements: (String, KubernetesJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `nil` as JSON `null`.
    public init(nilLiteral: ()) { self = .null }
}

/// A coding key for the arbitrary member names of a JSON object.
struct KubernetesJSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
