/// Reads a `fieldRef.fieldPath` such as `metadata.name`, `metadata.labels['app']`,
/// `metadata.annotations["team"]` or `spec.template.spec.containers[0].image` out of a JSON document.
enum FieldPathReference {
    /// One step of a path.
    enum Component: Hashable {
        /// A member of a map.
        case key(String)
        /// An element of a list.
        case index(Int)
    }

    /// The steps of a path, or `nil` when it is not well formed.
    static func components(of path: String) -> [Component]? {
        var components: [Component] = []
        var characters = Array(path)
        var position = 0
        var name = ""
        func flush() { if !name.isEmpty { components.append(.key(name)); name = "" } }
        while position < characters.count {
            let character = characters[position]
            switch character {
            case ".":
                flush()
                position += 1
            case "[":
                flush()
                guard let close = characters[position...].firstIndex(of: "]") else { return nil }
                var inner = String(characters[(position + 1)..<close]).trimmingCharacters(in: .whitespaces)
                if inner.count >= 2, let first = inner.first, first == "'" || first == "\"", inner.last == first {
                    inner = String(inner.dropFirst().dropLast())
                    components.append(.key(inner))
                } else if let index = Int(inner) {
                    components.append(.index(index))
                } else {
                    return nil
                }
                position = close + 1
            default:
                name.append(character)
                position += 1
            }
        }
        flush()
        characters.removeAll()
        return components.isEmpty ? nil : components
    }

    /// The value at a path, or `nil` when a step is missing.
    static func value(at components: [Component], in document: JSONValue) -> JSONValue? {
        var current = document
        for component in components {
            switch (component, current) {
            case (.key(let key), .object(let members)):
                guard let next = members[key] else { return nil }
                current = next
            case (.index(let index), .array(let elements)):
                guard elements.indices.contains(index) else { return nil }
                current = elements[index]
            case (.key, _), (.index, _):
                return nil
            }
        }
        return current
    }
}
