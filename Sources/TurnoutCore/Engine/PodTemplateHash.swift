import Foundation

/// A stable 10-character hash of a pod template that names its revision (FNV-1a over canonical JSON).
public func podTemplateHash(_ template: PodTemplate) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let bytes = (try? encoder.encode(template)) ?? Data()
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
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
