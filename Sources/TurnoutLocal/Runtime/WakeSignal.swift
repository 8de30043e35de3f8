/// A doorbell for one waiter: `ring` ends the current or next `wait`, which otherwise ends after its timeout.
actor WakeSignal {
    private var isRung = false
    private var waiter: (id: UInt64, continuation: CheckedContinuation<Void, Never>)?
    private var nextID: UInt64 = 0

    /// Wakes the waiter, or the next one when nobody waits.
    func ring() {
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume()
        } else {
            isRung = true
        }
    }

    /// Returns when rung (at once when rung since the last wait) or after `seconds`.
    func wait(seconds: Double) async {
        if isRung {
            isRung = false
            return
        }
        nextID += 1
        let id = nextID
        let timer = Task {
            try? await Task.sleep(for: .seconds(max(0, seconds)))
            self.expire(id)
        }
        await withCheckedContinuation { continuation in
            waiter = (id, continuation)
        }
        timer.cancel()
    }

    private func expire(_ id: UInt64) {
        guard let waiter, waiter.id == id else { return }
        self.waiter = nil
        waiter.continuation.resume()
    }
}
