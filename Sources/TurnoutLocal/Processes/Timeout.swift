import Synchronization

/// Waits for an operation, but no longer than a number of seconds.
enum Timeout {
    /// Runs `operation` and returns `true` when it finished within `seconds`; otherwise cancels it, returns
    /// `false` at once, and lets it end in the background.
    static func run(seconds: Double, _ operation: @escaping @Sendable () async -> Void) async -> Bool {
        let race = Race()
        return await withCheckedContinuation { continuation in
            race.begin(continuation)
            let work = Task {
                await operation()
                race.finish(true)
            }
            race.setTimer(Task {
                try? await Task.sleep(for: .seconds(max(0, seconds)))
                work.cancel()
                race.finish(false)
            })
        }
    }

    /// The first of the operation and the timer to finish resumes the waiter; the other does nothing.
    private final class Race: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Bool, Never>?
            var timer: Task<Void, Never>?
            var isFinished = false
        }

        private let state = Mutex(State())

        func begin(_ continuation: CheckedContinuation<Bool, Never>) {
            state.withLock { $0.continuation = continuation }
        }

        func setTimer(_ timer: Task<Void, Never>) {
            let isFinished = state.withLock { state in
                state.timer = timer
                return state.isFinished
            }
            if isFinished { timer.cancel() }
        }

        func finish(_ inTime: Bool) {
            let (continuation, timer) = state.withLock { state -> (CheckedContinuation<Bool, Never>?, Task<Void, Never>?) in
                guard !state.isFinished else { return (nil, nil) }
                state.isFinished = true
                defer { state.continuation = nil }
                return (state.continuation, state.timer)
            }
            if inTime { timer?.cancel() }
            continuation?.resume(returning: inTime)
        }
    }
}
