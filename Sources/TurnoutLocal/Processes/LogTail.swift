import Foundation

/// Reads the end of a text file backwards in chunks, so a large log costs only the bytes asked for.
enum LogTail {
    /// Bytes read per step.
    static let chunkSize = 64 << 10

    /// The last `count` lines of the file at `path`, oldest first; `nil` when it cannot be read.
    static func lastLines(ofFile path: String, count: Int) -> [String]? {
        guard count > 0 else { return [] }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard var position = try? handle.seekToEnd() else { return nil }
        var data = Data()
        var newlines = 0
        while position > 0, newlines <= count {
            let step = min(UInt64(chunkSize), position)
            position -= step
            guard (try? handle.seek(toOffset: position)) != nil, let chunk = try? handle.read(upToCount: Int(step)) else { return nil }
            newlines += chunk.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            data = chunk + data
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return Array(lines.suffix(count))
    }
}
