import Dispatch
import Foundation

/// SIGINT and SIGTERM, caught instead of killing the process so commands can stop cleanly.
enum TerminationSignal {
    /// Waits for the first SIGINT or SIGTERM and returns its number.
    static func wait() async -> Int32 {
        let sources = SignalSources()
        let number = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            sources.start(signals: [SIGINT, SIGTERM]) { continuation.resume(returning: $0) }
        }
        withExtendedLifetime(sources) {}
        return number
    }
}

/// Dispatch signal sources that call back once, on the first of the signals.
private final class SignalSources: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private var fired = false
    private let queue = DispatchQueue(label: "turnout.signals")

    func start(signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        queue.sync {
            for number in signals {
                Foundation.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [self] in
                    guard !fired else { return }
                    fired = true
                    handler(number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
