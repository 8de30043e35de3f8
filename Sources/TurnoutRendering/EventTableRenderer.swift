import TurnoutService

/// `turnout events NAME`: one row per event, oldest first.
public struct EventTableRenderer: Sendable {
    /// Colours or plain text.
    public var style: TerminalStyle

    /// Creates a renderer.
    public init(style: TerminalStyle) {
        self.style = style
    }

    /// The table, or a sentence when there are no events.
    public func render(_ events: [EventView]) -> String {
        guard !events.isEmpty else { return "No events." }
        var table = TextTable(header: ["TIME", "TYPE", "REASON", "MESSAGE"])
        for event in events {
            table.rows.append([
                TextTable.Cell(event.time),
                TextTable.Cell(event.isWarning ? "Warning" : "Normal", color: event.isWarning ? .yellow : nil),
                TextTable.Cell(event.reason),
                TextTable.Cell(event.message),
            ])
        }
        return table.rendered(style: style)
    }
}
