extension ProcessSupervisor {
    /// The last `lines` lines of each replica log of a rollout (of one revision when `revision` is given), for
    /// `turnout logs`.
    public func logs(ofRollout name: String, revision: String? = nil, lines: Int = 100) async throws -> [ReplicaLogTail] {
        let logs = configuration.logs
        return try await BlockingCall.run { Result { () throws(ProcessSupervisorError) in try logs.tail(rollout: name, revision: revision, lines: lines) } }.get()
    }
}
