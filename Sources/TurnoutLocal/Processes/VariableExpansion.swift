/// Kubernetes' `$(VAR)` expansion of container commands, arguments and environment values.
///
/// `$(NAME)` becomes the value of `NAME`; a name without a value stays as written; `$$` is one literal `$`, so
/// `$$(NAME)` is the literal text `$(NAME)`; an unclosed `$(` stays as written. The rules are those of
/// Kubernetes' `third_party/forked/golang/expansion`.
public enum VariableExpansion {
    /// `text` with every `$(NAME)` that `variables` defines replaced by its value.
    public static func expand(_ text: String, variables: [String: String]) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(dollar) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        while cursor < bytes.count {
            let byte = bytes[cursor]
            guard byte == dollar, cursor + 1 < bytes.count else {
                output.append(byte)
                cursor += 1
                continue
            }
            let next = bytes[cursor + 1]
            if next == dollar {
                output.append(dollar)
                cursor += 2
            } else if next == opener, let closer = bytes[(cursor + 2)...].firstIndex(of: closerByte) {
                let name = String(decoding: bytes[(cursor + 2)..<closer], as: UTF8.self)
                if let value = variables[name] {
                    output.append(contentsOf: value.utf8)
                } else {
                    output.append(contentsOf: bytes[cursor...closer])
                }
                cursor = closer + 1
            } else {
                output.append(dollar)
                output.append(next)
                cursor += 2
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let dollar = UInt8(ascii: "$")
    private static let opener = UInt8(ascii: "(")
    private static let closerByte = UInt8(ascii: ")")
}
