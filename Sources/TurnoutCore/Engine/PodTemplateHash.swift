import Foundation

/// A stable 10-character hash of a pod template that names its revision (FNV-1a over its canonical form).
///
/// The canonical form is the template as written: every field Turnout reads is typed to encode exactly as it
/// was written, and every other pod and container field is kept verbatim (`otherFields`), so typing a field
/// later leaves the hash of a template that writes it unchanged. Keys are sorted; nothing is defaulted.
public func podTemplateHash(_ template: PodTemplate) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in canonicalTemplateBytes(template) {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    var text = ""
    for _ in 0..<10 {
        text.append(alphabet[Int(hash % UInt64(alphabet.count))])
        hash /= UInt64(alphabet.count)
    }
    return text
}

/// The template's canonical form: JSON with sorted keys, absent fields left out.
public func canonicalTemplateBytes(_ template: PodTemplate) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(template)) ?? Data()
}
