extension NestingScanner {
    // MARK: Byte classes

    var space: UInt8 { UInt8(ascii: " ") }
    var tab: UInt8 { UInt8(ascii: "\t") }
    var hash: UInt8 { UInt8(ascii: "#") }

    func isLineBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    func isBlank(_ byte: UInt8) -> Bool {
        isSpaceOrTab(byte) || isLineBreak(byte)
    }

    func isFlowIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): return true
        default: return false
        }
    }

    func isAnchorCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// Whether `byte` at `offset` is an indicator: followed by a blank or the end.
    func isIndicator(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ byte: UInt8) -> Bool {
        offset < bytes.count && bytes[offset] == byte && (offset + 1 >= bytes.count || isBlank(bytes[offset + 1]))
    }

    /// The offset after `:` when optional spaces and a value indicator follow `offset`.
    func keyIndicator(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int? {
        var cursor = offset
        while cursor < bytes.count, isSpaceOrTab(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else { return nil }
        let next = cursor + 1
        if next >= bytes.count || isBlank(bytes[next]) || isFlowIndicator(bytes[next]) { return next }
        return nil
    }

    /// `-` or `.` when `---` or `...` starts at `offset` and is followed by a blank or the end.
    func documentMarker(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt8? {
        guard offset + 2 < bytes.count else { return nil }
        let byte = bytes[offset]
        guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
        guard bytes[offset + 1] == byte, bytes[offset + 2] == byte else { return nil }
        guard offset + 3 >= bytes.count || isBlank(bytes[offset + 3]) else { return nil }
        return byte
    }

    /// The offset of the start of the line after the one holding `offset`.
    func nextLine(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var cursor = offset
        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\n") { cursor += 1 }
        return min(cursor + 1, bytes.count)
    }
}
