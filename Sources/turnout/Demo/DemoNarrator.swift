import Foundation

/// Tells the person watching `turnout demo` what happens: headings, steps, a progress line while waiting.
struct DemoNarrator: Sendable {
    /// Whether stdout is a terminal (progress lines are redrawn in place, colours shown).
    let isTerminal: Bool
    /// Whether to stop and wait for Enter before each move.
    let waitsForPerson: Bool

    /// Creates a narrator for this process's stdout.
    init(waitsForPerson: Bool) {
        isTerminal = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        self.waitsForPerson = waitsForPerson
    }

    /// A section heading.
    func heading(_ text: String) {
        write("\n" + (isTerminal ? "\u{1B}[1m== \(text) ==\u{1B}[0m" : "== \(text) ==") + "\n")
    }

    /// One step of the story.
    func say(_ text: String) {
        write("  \(text)\n")
    }

    /// A waiting line, redrawn in place on a terminal; printed only when it changes otherwise.
    func progress(_ text: String, previous: inout String) {
        guard text != previous else { return }
        previous = text
        write(isTerminal ? "\r\u{1B}[2K  … \(text)" : "  … \(text)\n")
    }

    /// Ends a progress line.
    func endProgress() {
        if isTerminal { write("\r\u{1B}[2K") }
    }

    /// Waits for Enter when the tour pauses for people (not with --no-wait); returns early when cancelled.
    func pause(_ prompt: String) async {
        guard waitsForPerson else { return }
        write("\n  ▶ \(prompt) — press Enter to go on ")
        let enter = EnterKey()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                enter.wait(continuation)
                DispatchQueue.global().async {
                    _ = readLine()
                    enter.pressed()
                }
            }
        } onCancel: {
            enter.pressed()
        }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// One wait for Enter that ends once: when the line is read or when the wait is cancelled, whichever is first.
private final class EnterKey: @unchecked Sendable {
    private let lock = NSLock()
    private var waiter: CheckedContinuation<Void, Never>?
    private var isPressed = false

    /// Resumes `continuation` when pressed (at once if already).
    func wait(_ continuation: CheckedContinuation<Void, Never>) {
        let resumeNow = lock.withLock {
            if isPressed { return true }
            waiter = continuation
            return false
        }
        if resumeNow { continuation.resume() }
    }

    /// Ends the wait; later calls do nothing.
    func pressed() {
        let waiting = lock.withLock {
            isPressed = true
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume()
    }
}
