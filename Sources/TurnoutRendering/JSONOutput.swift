import Foundation

/// `-o json`: the API's JSON, pretty-printed with sorted keys.
public enum JSONOutput {
    /// The value as pretty JSON.
    public static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
