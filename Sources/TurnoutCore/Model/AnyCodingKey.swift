/// A coding key made at run time, for objects whose keys are not known statically.
struct AnyCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init?(stringValue: String) {
        self.init(stringValue)
    }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// Decodes the listed keys that are present as opaque values and encodes them back.
enum OpaqueFields {
    static func decode(_ names: [String], from decoder: any Decoder) throws -> [String: JSONValue] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var fields: [String: JSONValue] = [:]
        for name in names {
            if let value = try container.decodeIfPresent(JSONValue.self, forKey: AnyCodingKey(name)) {
                fields[name] = value
            }
        }
        return fields
    }

    static func encode(_ fields: [String: JSONValue], to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: AnyCodingKey(name))
        }
    }
}
