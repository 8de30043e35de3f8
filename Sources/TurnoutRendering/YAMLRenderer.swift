import Foundation
import TurnoutCore

/// Prints any JSON-shaped value as block-style YAML (`-o yaml`); keys sorted, strings quoted when YAML would misread them.
public enum YAMLRenderer {
    /// The YAML for an encodable value, through its JSON form.
    public static func render(_ value: some Encodable) throws -> String {
        let data = try JSONEncoder().encode(value)
        return render(try JSONDecoder().decode(JSONValue.self, from: data))
    }

    /// The YAML for a JSON value, ending with a newline.
    public static func render(_ value: JSONValue) -> String {
        var lines: [String] = []
        emit(value, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func emit(_ value: JSONValue, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .object(let object):
            if object.isEmpty {
                lines.append(pad + "{}")
                return
            }
            for key in object.keys.sorted() {
                let child = object[key]!
                if let scalar = inline(child) {
                    lines.append("\(pad)\(quote(key)): \(scalar)")
                } else {
                    lines.append("\(pad)\(quote(key)):")
                    emit(child, indent: isArray(child) ? indent : indent + 1, into: &lines)
                }
            }
        case .array(let array):
            if array.isEmpty {
                lines.append(pad + "[]")
                return
            }
            for element in array {
                if let scalar = inline(element) {
                    lines.append("\(pad)- \(scalar)")
                    continue
                }
                var nested: [String] = []
                emit(element, indent: indent + 1, into: &nested)
                let childPad = String(repeating: "  ", count: indent + 1)
                for (index, line) in nested.enumerated() {
                    lines.append(index == 0 ? pad + "- " + line.dropFirst(childPad.count) : line)
                }
            }
        case .null, .bool, .int, .double, .string:
            lines.append(pad + (inline(value) ?? ""))
        }
    }

    private static func isArray(_ value: JSONValue) -> Bool {
        if case .array(let array) = value { return !array.isEmpty }
        return false
    }

    /// The one-line form of scalars and empty collections; `nil` for collections with elements.
    private static func inline(_ value: JSONValue) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return "\(int)"
        case .double(let double): return "\(double)"
        case .string(let string): return quote(string)
        case .array(let array): return array.isEmpty ? "[]" : nil
        case .object(let object): return object.isEmpty ? "{}" : nil
        }
    }

    /// The string as a plain scalar when that reads back as the same string, else JSON-quoted.
    static func quote(_ string: String) -> String {
        let reserved: Set<String> = ["", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "off", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF", "y", "n", "Y", "N"]
        let first = string.first
        let isPlain = !reserved.contains(string)
            && Double(string) == nil && Int(string) == nil
            && !(first.map { "-?:,[]{}#&*!|>'\"%@` ".contains($0) } ?? true)
            && !string.hasSuffix(" ") && !string.hasSuffix(":")
            && !string.contains(": ") && !string.contains(" #")
            && !string.contains(where: { $0.isNewline || $0 == "\t" || ($0.asciiValue.map { $0 < 32 } ?? false) })
        if isPlain { return string }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(string)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
