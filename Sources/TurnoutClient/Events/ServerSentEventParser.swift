import TurnoutService

/// Splits a `text/event-stream` body, fed in arbitrary chunks, into events (comments and `id:`/`retry:` are skipped).
public struct ServerSentEventParser: Sendable {
    private var buffer: [UInt8] = []
    private var event: String?
    private var dataLines: [String] = []

    /// Creates a parser with nothing buffered.
    public init() {}

    /// Consumes a chunk and returns the events it completed, in order.
    public mutating func consume(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        buffer.append(contentsOf: bytes)
        var events: [ServerSentEvent] = []
        var start = 0
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index += 1
                continue
            }
            // A CR LF pair is one line end; a CR at the end of the buffer waits for the next chunk.
            if byte == UInt8(ascii: "\r") {
                if index + 1 == buffer.count { break }
            }
            let line = String(decoding: buffer[start..<index], as: UTF8.self)
            if byte == UInt8(ascii: "\r"), buffer[index + 1] == UInt8(ascii: "\n") { index += 1 }
            index += 1
            start = index
            if let completed = process(line: line) { events.append(completed) }
        }
        buffer.removeFirst(start)
        return events
    }

    private mutating func process(line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer {
                event = nil
                dataLines = []
            }
            guard !dataLines.isEmpty else { return nil }
            return ServerSentEvent(event: event, data: dataLines.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = line[...]
            value = ""
        }
        switch field {
        case "event": event = String(value)
        case "data": dataLines.append(String(value))
        default: break
        }
        return nil
    }
}
