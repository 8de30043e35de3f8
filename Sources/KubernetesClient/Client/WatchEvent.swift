/// One change a watch reported.
public enum WatchEvent<Object: Decodable & Sendable>: Sendable {
    /// An object appeared (or existed when a watch without a resourceVersion started).
    case added(Object)
    /// An object changed.
    case modified(Object)
    /// An object was deleted; its last state.
    case deleted(Object)
    /// Nothing changed, but the collection reached this resourceVersion: resume from it.
    case bookmark(resourceVersion: String)
}

/// One line of a watch stream: `{"type": …, "object": …}`, decoded by its type.
struct WatchLine<Object: Decodable & Sendable>: Decodable {
    enum Content {
        case event(WatchEvent<Object>)
        case error(APIStatus)
    }

    var content: Content

    enum CodingKeys: String, CodingKey { case type, object }

    struct Bookmark: Decodable {
        struct Metadata: Decodable { var resourceVersion: String? }
        var metadata: Metadata?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "ADDED": content = .event(.added(try container.decode(Object.self, forKey: .object)))
        case "MODIFIED": content = .event(.modified(try container.decode(Object.self, forKey: .object)))
        case "DELETED": content = .event(.deleted(try container.decode(Object.self, forKey: .object)))
        case "BOOKMARK":
            let bookmark = try container.decode(Bookmark.self, forKey: .object)
            content = .event(.bookmark(resourceVersion: bookmark.metadata?.resourceVersion ?? ""))
        case "ERROR": content = .error(try container.decode(APIStatus.self, forKey: .object))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown watch event type \(type)")
        }
    }
}

/// Cuts a byte stream into newline-terminated lines, keeping a partial last line for the next chunk.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// Adds a chunk and returns the complete, non-empty lines it finished.
    mutating func append(_ chunk: some Sequence<UInt8>) -> [[UInt8]] {
        pending.append(contentsOf: chunk)
        var lines: [[UInt8]] = []
        var start = pending.startIndex
        while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(pending[start..<newline])
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if !line.isEmpty { lines.append(line) }
            start = pending.index(after: newline)
        }
        pending.removeSubrange(pending.startIndex..<start)
        return lines
    }

    /// The unterminated rest, at the end of the stream.
    mutating func finish() -> [UInt8]? {
        defer { pending = [] }
        return pending.isEmpty ? nil : pending
    }
}
