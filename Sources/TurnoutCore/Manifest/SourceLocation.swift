/// A position in a manifest file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The file name as given by the caller (not resolved or opened).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location; `line` and `column` start at 1.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension SourceLocation: CustomStringConvertible {
    /// `FILE:LINE:COL`, the prefix of a rendered diagnostic.
    public var description: String { "\(file):\(line):\(column)" }
}
