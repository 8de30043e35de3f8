import Foundation

/// How values become JSON text in the store's columns: sorted keys, so equal values give equal text.
enum JSONColumn {
    /// The text of a value, as stored.
    static func encode<Value: Encodable>(_ value: Value, action: @autoclosure () -> String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw LocalStoreError.encoding(action: action(), reason: "\(error)")
        }
    }

    /// The value stored as `text`.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String, action: @autoclosure () -> String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw LocalStoreError.corruptRow(action: action(), reason: "\(error)")
        }
    }
}
