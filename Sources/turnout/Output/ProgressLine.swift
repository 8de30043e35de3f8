import Synchronization

/// A status line on standard error: redrawn in place with `\r` on a terminal, printed when it changes otherwise.
final class ProgressLine: Sendable {
    private let isTerminal: Bool
    private let last = Mutex<String?>(nil)

    /// Creates a progress line for a terminal or a pipe.
    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    /// Shows a new line unless it equals the last one.
    func show(_ line: String) {
        let changed = last.withLock { last -> Bool in
            guard last != line else { return false }
            last = line
            return true
        }
        guard changed else { return }
        if isTerminal {
            Terminal.writeErrorRaw("\r\u{1B}[2K" + line)
        } else {
            Terminal.writeError(line)
        }
    }

    /// Ends the in-place line on a terminal.
    func finish() {
        let shown = last.withLock { $0 != nil }
        if isTerminal, shown { Terminal.writeErrorRaw("\r\u{1B}[2K") }
    }
}
