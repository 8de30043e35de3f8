/// Whether rendered text carries ANSI colours: only for a terminal, and never when `NO_COLOR` is set.
public struct TerminalStyle: Sendable, Hashable {
    /// Whether to emit ANSI colour codes.
    public var isColored: Bool

    /// Creates a style.
    public init(isColored: Bool) {
        self.isColored = isColored
    }

    /// Plain text, for pipes and files.
    public static let plain = TerminalStyle(isColored: false)

    /// Colours when the output is a terminal and `NO_COLOR` is unset or empty.
    public static func detect(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
        TerminalStyle(isColored: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty)
    }

    /// The colours the renderers use.
    public enum Color: String, Sendable {
        /// Healthy, successful, ready.
        case green = "32"
        /// Progressing, paused, pending.
        case yellow = "33"
        /// Degraded, failed.
        case red = "31"
        /// Scaled down, secondary.
        case gray = "90"
        /// Headings.
        case bold = "1"
    }

    /// The text in a colour, or unchanged when plain.
    public func paint(_ text: String, _ color: Color?) -> String {
        guard isColored, let color, !text.isEmpty else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }
}
