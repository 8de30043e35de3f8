/// Resolves plain (unquoted) YAML scalars the way Yams' default resolver does
/// (YAML 1.1 style: `yes`/`on` are booleans, `0755` is octal, `1:30` is sexagesimal),
/// without regular expressions and with overflow-checked arithmetic.
enum PlainScalar {
    /// What a plain scalar denotes.
    enum Kind: Equatable {
        /// `~`, `null`, `Null`, `NULL` or nothing.
        case null
        /// One of the YAML 1.1 boolean words.
        case bool(Bool)
        /// An integer literal (decimal, `0b`, `0o`/leading-zero octal, `0x`, sexagesimal).
        case int
        /// A float literal (including `.inf` and `.nan`).
        case float
        /// Anything else, timestamps included.
        case string
    }

    /// The kind of the plain scalar `text`, in Yams' rule order (bool, int, float, null).
    static func kind(of text: String) -> Kind {
        let bytes = Array(text.utf8)
        if let bool = boolValue(text) { return .bool(bool) }
        if isInteger(bytes) { return .int }
        if isFloat(bytes) { return .float }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: return .string
        }
    }

    /// The boolean a YAML 1.1 boolean word denotes.
    static func boolValue(_ text: String) -> Bool? {
        switch text {
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return true
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// An integer as a sign and a magnitude, so every integer type can check its own range.
    struct Integer: Equatable {
        /// Whether a minus sign was written (`-0` is zero, not negative).
        var isNegative: Bool
        /// The absolute value.
        var magnitude: UInt64

        /// The value as `T`, or nil when it does not fit.
        func exactly<T: FixedWidthInteger>(_ type: T.Type) -> T? {
            if !isNegative || magnitude == 0 {
                return T(exactly: magnitude)
            }
            guard T.isSigned, magnitude <= UInt64(Int64.max) + 1 else { return nil }
            let negative = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            return T(exactly: negative)
        }

        /// The value as a double (rounded when beyond 2^53).
        var doubleValue: Double {
            isNegative ? -Double(magnitude) : Double(magnitude)
        }
    }

    /// Parses an integer literal; nil when it is not one or overflows 64 bits.
    static func integer(_ text: String) -> Integer? {
        var bytes = Array(text.utf8)
        guard isInteger(bytes) else { return nil }
        bytes.removeAll { $0 == UInt8(ascii: "_") }
        var isNegative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            isNegative = first == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        let body = bytes[...]
        let magnitude: UInt64?
        if body.contains(UInt8(ascii: ":")) {
            magnitude = sexagesimal(body)
        } else if body.starts(with: Array("0x".utf8)) {
            magnitude = digits(body.dropFirst(2), radix: 16)
        } else if body.starts(with: Array("0b".utf8)) {
            magnitude = digits(body.dropFirst(2), radix: 2)
        } else if body.starts(with: Array("0o".utf8)) {
            magnitude = digits(body.dropFirst(2), radix: 8)
        } else if body.count > 1, body.first == UInt8(ascii: "0") {
            magnitude = digits(body.dropFirst(), radix: 8)
        } else {
            magnitude = digits(body, radix: 10)
        }
        return magnitude.map { Integer(isNegative: isNegative, magnitude: $0) }
    }

    /// Parses a float literal (or an integer literal, as a double); nil when it is neither.
    static func double(_ text: String) -> Double? {
        if let integer = integer(text) {
            return integer.doubleValue
        }
        let bytes = Array(text.utf8)
        guard isFloat(bytes) else { return nil }
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        var cleaned = bytes.filter { $0 != UInt8(ascii: "_") }
        var sign = 1.0
        if let first = cleaned.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            cleaned.removeFirst()
        }
        if cleaned.contains(UInt8(ascii: ":")) {
            let parts = cleaned.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            var value = 0.0
            for part in parts {
                guard let number = decimal(Array(part)) else { return nil }
                value = value * 60 + number
            }
            return sign * value
        }
        return decimal(cleaned).map { sign * $0 }
    }

    /// Parses unsigned decimal text with an optional fraction and exponent (`1.`, `.5`, `1e5`).
    private static func decimal(_ bytes: [UInt8]) -> Double? {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count + 2)
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "."), offset == 0 {
                normalized.append(UInt8(ascii: "0"))
            }
            normalized.append(byte)
            if byte == UInt8(ascii: ".") {
                let next = offset + 1 < bytes.count ? bytes[offset + 1] : nil
                if next.map(isDigit) != true {
                    normalized.append(UInt8(ascii: "0"))
                }
            }
        }
        return Double(String(decoding: normalized, as: UTF8.self))
    }

    /// Folds base-60 groups such as `1:30:00`, checking for overflow.
    private static func sexagesimal(_ body: ArraySlice<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for part in body.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false) {
            guard let number = digits(part, radix: 10) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
            guard !overflow else { return nil }
            let (sum, carry) = shifted.addingReportingOverflow(number)
            guard !carry else { return nil }
            value = sum
        }
        return value
    }

    /// Parses digits in `radix`, checking for overflow; nil when empty or invalid.
    private static func digits(_ bytes: ArraySlice<UInt8>, radix: UInt64) -> UInt64? {
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard let digit = digitValue(byte), digit < radix else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow else { return nil }
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !carry else { return nil }
            value = sum
        }
        return value
    }

    private static func digitValue(_ byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt64(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt64(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    // MARK: Matching Yams' resolver patterns

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func all(_ bytes: ArraySlice<UInt8>, _ predicate: (UInt8) -> Bool) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy(predicate)
    }

    private static let underscore = UInt8(ascii: "_")

    /// `[-+]?` followed by the unsigned body.
    private static func dropSign(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            return bytes.dropFirst()
        }
        return bytes[...]
    }

    /// Matches `[-+]?(0b[01_]+|0o?[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)`.
    static func isInteger(_ bytes: [UInt8]) -> Bool {
        let body = dropSign(bytes)
        guard let first = body.first else { return false }
        let rest = body.dropFirst()
        if first == UInt8(ascii: "0") {
            if rest.isEmpty { return true }
            if rest.first == UInt8(ascii: "b") {
                return all(rest.dropFirst()) { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == underscore }
            }
            if rest.first == UInt8(ascii: "x") {
                return all(rest.dropFirst()) { digitValue($0) != nil || $0 == underscore }
            }
            let octal = rest.first == UInt8(ascii: "o") ? rest.dropFirst() : rest
            return all(octal) { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7")) || $0 == underscore }
        }
        guard first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else { return false }
        guard let colon = rest.firstIndex(of: UInt8(ascii: ":")) else {
            return rest.allSatisfy { isDigit($0) || $0 == underscore }
        }
        guard rest[..<colon].allSatisfy({ isDigit($0) || $0 == underscore }) else { return false }
        return isSexagesimalGroups(rest[colon...])
    }

    /// Matches `(:[0-5]?[0-9])+` exactly.
    private static func isSexagesimalGroups(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var remaining = bytes
        while !remaining.isEmpty {
            guard remaining.first == UInt8(ascii: ":") else { return false }
            remaining = remaining.dropFirst()
            let group = remaining.prefix { $0 != UInt8(ascii: ":") }
            remaining = remaining.dropFirst(group.count)
            switch group.count {
            case 1:
                guard isDigit(group[group.startIndex]) else { return false }
            case 2:
                let tens = group[group.startIndex]
                guard tens >= UInt8(ascii: "0"), tens <= UInt8(ascii: "5"),
                      isDigit(group[group.index(after: group.startIndex)]) else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Matches Yams' float pattern.
    static func isFloat(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
             ".nan", ".NaN", ".NAN":
            return true
        default: break
        }
        if bytes.first == UInt8(ascii: ".") {
            // \.[0-9_]+([eE][-+][0-9]+)?
            var rest = bytes.dropFirst()
            let fraction = rest.prefix { isDigit($0) || $0 == underscore }
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(fraction.count)
            if rest.isEmpty { return true }
            guard rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") else { return false }
            rest = rest.dropFirst()
            guard rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") else { return false }
            return all(rest.dropFirst(), isDigit)
        }
        var rest = dropSign(bytes)
        guard let first = rest.first, isDigit(first) else { return false }
        let whole = rest.prefix { isDigit($0) || $0 == underscore }
        rest = rest.dropFirst(whole.count)
        if rest.first == UInt8(ascii: ":") {
            // [0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
            guard let dot = rest.firstIndex(of: UInt8(ascii: ".")),
                  isSexagesimalGroups(rest[..<dot]) else { return false }
            return rest[rest.index(after: dot)...].allSatisfy { isDigit($0) || $0 == underscore }
        }
        // [0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            rest = rest.drop { isDigit($0) || $0 == underscore }
        }
        if rest.isEmpty { return true }
        guard rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") else { return false }
        rest = rest.dropFirst()
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") {
            rest = rest.dropFirst()
        }
        return all(rest, isDigit)
    }
}
