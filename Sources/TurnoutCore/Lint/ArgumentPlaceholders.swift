import Foundation

/// Finds `{{args.NAME}}` placeholders in a metric that name an argument its template or run does not declare.
enum ArgumentPlaceholders {
    /// Reports every placeholder naming an undeclared argument, at the field that holds it.
    static func check(_ metric: Metric, at path: LintContext.Path, declared: Set<String>, in context: inout LintContext) {
        guard let data = try? JSONEncoder().encode(metric),
            let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        var found: [(path: LintContext.Path, name: String)] = []
        collect(json, path: path, depth: 0) { stringPath, text in
            for name in names(in: text) where !declared.contains(name) {
                found.append((stringPath, name))
            }
        }
        for (fieldPath, name) in found {
            context.error(
                fieldPath, "`{{args.\(name)}}` names an argument spec.args does not declare",
                fix: "declare it under spec.args: `- name: \(name)`")
        }
    }

    /// The argument names of every `{{args.NAME}}` in a text, in order.
    static func names(in text: String) -> [String] {
        placeholders(in: text).map(\.name)
    }

    /// Every `{{args.NAME}}` (spaces allowed inside the braces) in a text: where it is and the name it holds.
    static func placeholders(in text: String) -> [(range: Range<String.Index>, name: String)] {
        var found: [(range: Range<String.Index>, name: String)] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if inner.hasPrefix("args.") {
                let name = String(inner.dropFirst("args.".count)).trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { found.append((open.lowerBound..<close.upperBound, name)) }
            }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The text with every `{{args.NAME}}` replaced by its value; names without a value are left as written
    /// and returned in `missing`, in order.
    static func replacing(in text: String, values: [String: String]) -> (text: String, missing: [String]) {
        var result = ""
        var missing: [String] = []
        var position = text.startIndex
        for placeholder in placeholders(in: text) {
            result += text[position..<placeholder.range.lowerBound]
            if let value = values[placeholder.name] {
                result += value
            } else {
                result += text[placeholder.range]
                missing.append(placeholder.name)
            }
            position = placeholder.range.upperBound
        }
        result += text[position...]
        return (result, missing)
    }

    private static func collect(_ value: Any, path: LintContext.Path, depth: Int, _ visit: (LintContext.Path, String) -> Void) {
        guard depth < 64 else { return }
        if let text = value as? String {
            visit(path, text)
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                collect(element, path: path + [.index(index)], depth: depth + 1, visit)
            }
        } else if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                if let element = object[key] {
                    collect(element, path: path + [.key(key)], depth: depth + 1, visit)
                }
            }
        }
    }
}
