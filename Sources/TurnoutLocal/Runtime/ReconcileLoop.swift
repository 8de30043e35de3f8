/// Looks at every rollout when woken and again when its decision asks to (at least every `resyncInterval`),
/// one rollout at a time: level-based, so a missed wake only delays work until the next resync.
actor ReconcileLoop {
    /// Reconciles one rollout; returns the seconds until it should be looked at again.
    typealias Reconcile = @Sendable (_ rollout: String) async -> Double

    private let names: @Sendable () async -> [String]
    private let reconcile: Reconcile
    private let resyncInterval: Double
    private let signal = WakeSignal()
    private let clock = ContinuousClock()
    private var dueAt: [String: ContinuousClock.Instant] = [:]
    private var woken: Set<String> = []
    private var isEveryoneWoken = true

    /// Creates a loop over the rollouts `names` lists.
    init(resyncInterval: Double, names: @escaping @Sendable () async -> [String], reconcile: @escaping Reconcile) {
        self.resyncInterval = resyncInterval
        self.names = names
        self.reconcile = reconcile
    }

    /// Asks for a look at one rollout soon, or at every rollout when `rollout` is `nil`.
    func wake(_ rollout: String?) async {
        if let rollout { woken.insert(rollout) } else { isEveryoneWoken = true }
        await signal.ring()
    }

    /// Runs until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            let now = clock.now
            let current = await names()
            let due = current.filter { isEveryoneWoken || woken.contains($0) || (dueAt[$0].map { $0 <= now } ?? true) }
            isEveryoneWoken = false
            woken.subtract(due)
            for name in due where !Task.isCancelled {
                let after = await reconcile(name)
                dueAt[name] = clock.now + .seconds(min(max(after, 0), resyncInterval))
            }
            dueAt = dueAt.filter { current.contains($0.key) }
            let next = dueAt.values.min() ?? clock.now + .seconds(resyncInterval)
            let seconds = Double((next - clock.now).components.seconds) + Double((next - clock.now).components.attoseconds) / 1e18
            await signal.wait(seconds: min(max(seconds, 0), resyncInterval))
        }
    }

    /// Ends a `run` waiting for its next look.
    func stop() async {
        await signal.ring()
    }
}
