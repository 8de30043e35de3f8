import TurnoutCore

/// One stored event of a rollout, with when it was recorded.
public struct EventRecord: Sendable, Hashable {
    /// Increases with every event stored; orders events oldest first.
    public var sequence: Int64
    /// The rollout the event is about.
    public var rollout: String
    /// When it was recorded.
    public var time: Instant
    /// The event.
    public var event: RolloutEvent

    /// Creates a record.
    public init(sequence: Int64, rollout: String, time: Instant, event: RolloutEvent) {
        self.sequence = sequence
        self.rollout = rollout
        self.time = time
        self.event = event
    }
}
