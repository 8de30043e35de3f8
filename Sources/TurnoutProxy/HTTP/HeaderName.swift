/// ASCII case-insensitive header name comparison without allocating (header names are ASCII tokens).
enum HeaderName {
    /// Whether `name` equals `lowercased` ignoring ASCII case; `lowercased` must already be lowercase.
    @inline(__always)
    static func equals(_ name: String, _ lowercased: StaticString) -> Bool {
        let expected = UnsafeRawBufferPointer(start: lowercased.utf8Start, count: lowercased.utf8CodeUnitCount)
        let utf8 = name.utf8
        guard utf8.count == expected.count else { return false }
        var index = 0
        for byte in utf8 {
            if asciiLower(byte) != expected[index] { return false }
            index += 1
        }
        return true
    }

    /// Whether `name` equals `other` ignoring ASCII case.
    static func equals(_ name: some StringProtocol, dynamic other: some StringProtocol) -> Bool {
        let lhs = name.utf8
        let rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).allSatisfy { asciiLower($0) == asciiLower($1) }
    }

    /// Whether a comma-separated header value contains `token`, ignoring ASCII case (as in `Connection: keep-alive, Upgrade`).
    /// `token` must be lowercase.
    static func listContains(_ value: String, token: StaticString) -> Bool {
        let expected = UnsafeRawBufferPointer(start: token.utf8Start, count: token.utf8CodeUnitCount)
        var utf8 = value.utf8[...]
        while !utf8.isEmpty {
            let end = utf8.firstIndex(of: UInt8(ascii: ",")) ?? utf8.endIndex
            var item = utf8[utf8.startIndex..<end]
            while let first = item.first, first == 0x20 || first == 0x09 { item = item.dropFirst() }
            while let last = item.last, last == 0x20 || last == 0x09 { item = item.dropLast() }
            if item.count == expected.count && zip(item, expected).allSatisfy({ asciiLower($0) == $1 }) { return true }
            utf8 = end == utf8.endIndex ? utf8[end...] : utf8[utf8.index(after: end)...]
        }
        return false
    }

    /// The lowercase form of an ASCII byte; other bytes unchanged.
    @inline(__always)
    static func asciiLower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs (compared as UTF-8 bytes).
    func trimmingASCIIWhitespace() -> Substring {
        let utf8 = self.utf8
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }) else { return self[endIndex...] }
        let last = utf8.lastIndex(where: { !isBlank($0) })!
        return self[first...last]
    }
}
