/// The path to a field inside a manifest, such as `spec.strategy.canary.steps[0].setWeight`.
public struct FieldPath: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One step of a path: a mapping key or a list index.
    public enum Component: Sendable, Hashable, Codable {
        /// A mapping key, as the model type spells it.
        case key(String)
        /// A 0-based list index.
        case index(Int)

        /// Decodes a string as a key and an integer as an index.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) {
                self = .index(index)
            } else {
                self = .key(try container.decode(String.self))
            }
        }

        /// Encodes a key as a string and an index as an integer.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .key(let key): try container.encode(key)
            case .index(let index): try container.encode(index)
            }
        }
    }

    /// The steps from the document root to the field.
    public var components: [Component]

    /// Creates a path from its components.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Creates a path from a literal list of components.
    public init(arrayLiteral elements: Component...) {
        self.components = elements
    }

    /// Whether the path names the document root.
    public var isEmpty: Bool { components.isEmpty }

    /// This path followed by a mapping key.
    public func appending(_ key: String) -> FieldPath {
        FieldPath(components + [.key(key)])
    }

    /// This path followed by a list index.
    public func appending(index: Int) -> FieldPath {
        FieldPath(components + [.index(index)])
    }

    /// This path followed by one component.
    public func appending(_ component: Component) -> FieldPath {
        FieldPath(components + [component])
    }

    /// This path followed by all components of `other`.
    public func appending(contentsOf other: FieldPath) -> FieldPath {
        FieldPath(components + other.components)
    }

    /// Dotted keys and bracketed indices; keys that are not plain words are written `["a.b"]`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where FieldPath.isPlainWord(key):
                text += text.isEmpty ? key : ".\(key)"
            case .key(let key):
                let escaped = key.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"")
                text += "[\"\(escaped)\"]"
            }
        }
        return text
    }

    /// Decodes the rendered form, for example `spec.steps[0]["app.kubernetes.io/name"]`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let path = FieldPath(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid field path \"\(text)\"")
        }
        self = path
    }

    /// Encodes the rendered form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses the rendered form; nil when `text` is not one.
    public init?(parsing text: String) {
        var components: [Component] = []
        var scalars = Substring(text).unicodeScalars[...]
        var expectsKey = true
        while let first = scalars.first {
            if first == "[" {
                scalars.removeFirst()
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    var key = String.UnicodeScalarView()
                    var closed = false
                    while let scalar = scalars.popFirst() {
                        if scalar == "\\", let escaped = scalars.popFirst() {
                            key.append(escaped)
                        } else if scalar == "\"" {
                            closed = true
                            break
                        } else {
                            key.append(scalar)
                        }
                    }
                    guard closed, scalars.popFirst() == "]" else { return nil }
                    components.append(.key(String(key)))
                } else {
                    var digits = ""
                    while let scalar = scalars.first, scalar != "]" {
                        digits.unicodeScalars.append(scalar)
                        scalars.removeFirst()
                    }
                    guard scalars.popFirst() == "]", let index = Int(digits) else { return nil }
                    components.append(.index(index))
                }
                expectsKey = false
            } else {
                if !expectsKey {
                    guard first == "." else { return nil }
                    scalars.removeFirst()
                }
                var key = ""
                while let scalar = scalars.first, scalar != ".", scalar != "[" {
                    guard scalar != "]" else { return nil }
                    key.unicodeScalars.append(scalar)
                    scalars.removeFirst()
                }
                guard !key.isEmpty else { return nil }
                components.append(.key(key))
                expectsKey = false
            }
        }
        self.components = components
    }

    static func isPlainWord(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "$", "@": return true
            default: return false
            }
        }
    }
}

extension FieldPath.Component: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// A key written as a string literal: `["spec", "replicas"]`.
    public init(stringLiteral value: String) {
        self = .key(value)
    }

    /// An index written as an integer literal: `["steps", 0]`.
    public init(integerLiteral value: Int) {
        self = .index(value)
    }
}
