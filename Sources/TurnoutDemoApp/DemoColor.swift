/// The colour a demo-app instance answers with: a CSS colour name (`blue`) or a hex code (`#1e90ff`).
public struct DemoColor: Sendable, Hashable, CustomStringConvertible {
    /// The colour as sent in `/color` responses: a lowercase name or `#rrggbb`.
    public let value: String

    /// Validates `text`; `nil` unless it is 1–32 ASCII letters or `#` followed by six hex digits.
    public init?(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        if scalars.first == "#" {
            let digits = scalars.dropFirst()
            guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
            value = text.lowercased()
        } else {
            guard (1...32).contains(scalars.count), scalars.allSatisfy(\.isASCIILetter) else { return nil }
            value = text.lowercased()
        }
    }

    /// The colour as sent in `/color` responses.
    public var description: String { value }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self)
    }

    fileprivate var isHexDigit: Bool {
        ("0"..."9").contains(self) || ("a"..."f").contains(self) || ("A"..."F").contains(self)
    }
}
