/// One server-sent event or comment, as `text/event-stream` carries it.
public struct ServerSentEvent: Sendable, Hashable {
    /// The event name (`event:` line); `nil` for the default `message`.
    public var event: String?
    /// The payload (`data:` lines joined by newlines).
    public var data: String

    /// Creates an event.
    public init(event: String?, data: String) {
        self.event = event
        self.data = data
    }

    /// The event's wire form: `event:` and one `data:` line per payload line, ended by a blank line.
    public var encoded: String {
        var text = ""
        if let event { text += "event: \(event)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }

    /// A comment line clients ignore, used as a keep-alive.
    public static func comment(_ text: String) -> String {
        ": \(text)\n\n"
    }
}
