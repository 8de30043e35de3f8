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
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if inner.hasPrefix("args.") {
                let name = String(inner.dropFirst("args.".count)).trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { names.append(name) }
            }
            rest = rest[close.upperBound...]
        }
        return names
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
