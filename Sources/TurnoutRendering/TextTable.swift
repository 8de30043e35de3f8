/// Aligned columns separated by two spaces; cells are padded by their plain width and coloured afterwards.
public struct TextTable: Sendable {
    /// One cell: its text and optional colour.
    public struct Cell: Sendable, Hashable, ExpressibleByStringLiteral {
        /// The text, without colour codes.
        public var text: String
        /// The colour in a terminal.
        public var color: TerminalStyle.Color?

        /// Creates a cell.
        public init(_ text: String, color: TerminalStyle.Color? = nil) {
            self.text = text
            self.color = color
        }

        /// Creates an uncoloured cell.
        public init(stringLiteral value: String) {
            self.init(value)
        }
    }

    /// The header row.
    public var header: [String]
    /// The rows, each as long as the header.
    public var rows: [[Cell]]

    /// Creates a table.
    public init(header: [String], rows: [[Cell]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines, trailing spaces trimmed.
    public func rendered(style: TerminalStyle) -> String {
        let all = [header.map { Cell($0) }] + rows
        let widths = header.indices.map { column in
            all.map { column < $0.count ? $0[column].text.count : 0 }.max() ?? 0
        }
        return all.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                let isLast = column == row.count - 1
                let padding = isLast ? "" : String(repeating: " ", count: max(0, widths[column] - cell.text.count) + 2)
                line += style.paint(cell.text, cell.color) + padding
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
