extension ProcessSupervisor {
    /// The rollout's replicas by revision, for the traffic router: send new requests only to endpoints that
    /// `acceptsNewRequests` (ready and not terminating).
    public func endpoints(ofRollout name: String) -> [RevisionEndpoints] {
        let slots = replicas.values.filter { $0.key.rollout == name }
        return Dictionary(grouping: slots, by: \.key.revisionHash)
            .map { hash, slots in RevisionEndpoints(revisionHash: hash, endpoints: slots.sorted { $0.key.index < $1.key.index }.map(\.endpoint)) }
            .sorted { $0.revisionHash < $1.revisionHash }
    }

    /// Every change of any rollout's endpoints, starting with the current endpoints of each rollout that has
    /// replicas. A replica is published as terminating before its drain hook is called. Ends when the
    /// subscriber stops iterating or the supervisor is detached.
    public func endpointChanges() -> AsyncStream<EndpointsChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: EndpointsChange.self)
        let id = serial()
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        for rollout in Set(replicas.keys.map(\.rollout)).sorted() {
            continuation.yield(EndpointsChange(rollout: rollout, revisions: endpoints(ofRollout: rollout)))
        }
        return stream
    }

    /// Sends the rollout's endpoints to every subscriber when they differ from the last ones sent.
    func publishEndpoints(of rollout: String) {
        let current = endpoints(ofRollout: rollout)
        guard publishedEndpoints[rollout] != current else { return }
        publishedEndpoints[rollout] = current.isEmpty ? nil : current
        let change = EndpointsChange(rollout: rollout, revisions: current)
        for subscriber in subscribers.values {
            subscriber.yield(change)
        }
    }

    private func unsubscribe(_ id: UInt64) {
        subscribers[id] = nil
    }
}
