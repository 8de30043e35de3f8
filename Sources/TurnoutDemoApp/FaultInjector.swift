import Synchronization

/// Holds the current faults and decides, request by request, which `/color` answers fail.
///
/// The choice is counter-based, not random: request n since the last change fails when
/// ⌊n·rate⌋ grows, so any run of N requests fails ⌊N·rate⌋ or ⌈N·rate⌉ times and failures are
/// spread evenly. Thread-safe; changing the faults restarts the count.
public final class FaultInjector: Sendable {
    /// What to do with one `/color` request.
    public struct Outcome: Sendable, Hashable {
        /// Whether to answer 500.
        public var isFailure: Bool
        /// How long to wait before answering.
        public var delay: Duration

        /// Creates an outcome.
        public init(isFailure: Bool, delay: Duration) {
            self.isFailure = isFailure
            self.delay = delay
        }
    }

    private struct State {
        var faults: Faults
        var ratePerMillion: Int
        var served: Int
    }

    private static let million = 1_000_000
    private let state: Mutex<State>

    /// Starts with `faults` and a fresh count.
    public init(faults: Faults = .none) {
        state = Mutex(State(faults: faults, ratePerMillion: Self.perMillion(faults.errorRate), served: 0))
    }

    /// The faults in effect.
    public var faults: Faults {
        state.withLock { $0.faults }
    }

    /// Replaces the faults and restarts the count.
    public func set(_ faults: Faults) {
        state.withLock { $0 = State(faults: faults, ratePerMillion: Self.perMillion(faults.errorRate), served: 0) }
    }

    /// Applies a partial update atomically and returns the faults now in effect.
    public func update(_ update: FaultsUpdate) throws(DemoAppError) -> Faults {
        try state.withLock { (state: inout State) throws(DemoAppError) -> Faults in
            let faults = try state.faults.applying(update)
            state = State(faults: faults, ratePerMillion: Self.perMillion(faults.errorRate), served: 0)
            return faults
        }
    }

    /// Counts one `/color` request and tells how to answer it.
    public func next() -> Outcome {
        state.withLock { state in
            state.served += 1
            let failuresBefore = (state.served - 1) * state.ratePerMillion / Self.million
            let failuresNow = state.served * state.ratePerMillion / Self.million
            if state.served == Self.million { state.served = 0 }  // one full period; keeps the products small
            return Outcome(isFailure: failuresNow > failuresBefore, delay: .milliseconds(state.faults.latencyMs))
        }
    }

    private static func perMillion(_ rate: Double) -> Int {
        Int((rate * Double(million)).rounded())
    }
}
