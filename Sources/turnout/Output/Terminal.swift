import Foundation
import TurnoutRendering

/// Standard output and error: whether they are terminals, colour choice, and unbuffered writes.
enum Terminal {
    /// Whether standard output is a terminal.
    static var isOutputTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether standard error is a terminal.
    static var isErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colours for standard output: only on a terminal and without `NO_COLOR`.
    static var outputStyle: TerminalStyle {
        TerminalStyle.detect(isTerminal: isOutputTerminal, environment: ProcessInfo.processInfo.environment)
    }

    /// Writes a line to standard output.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes a line to standard error.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes text to standard error without a newline.
    static func writeErrorRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension Terminal {
    /// Writes text to standard output without a newline.
    static func writeRaw(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
