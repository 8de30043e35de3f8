extension RolloutStatus {
    /// Sets a condition, keeping its transition time when the status does not change.
    public mutating func setCondition(_ type: RolloutConditionType, _ value: ConditionStatus, reason: ConditionReason, message: String, at time: Instant, isUpdate: Bool = true) {
        var list = conditions ?? []
        if let index = list.firstIndex(where: { $0.type == type }) {
            let previous = list[index]
            var next = RolloutCondition(type: type, status: value, reason: reason, message: message, at: time)
            if previous.status == value {
                next.lastTransitionTime = previous.lastTransitionTime
                if !isUpdate && previous.reason == reason { next.lastUpdateTime = previous.lastUpdateTime }
            }
            list[index] = next
        } else {
            list.append(RolloutCondition(type: type, status: value, reason: reason, message: message, at: time))
        }
        conditions = list
    }

    /// Removes a condition.
    public mutating func removeCondition(_ type: RolloutConditionType) {
        conditions?.removeAll { $0.type == type }
        if conditions?.isEmpty == true { conditions = nil }
    }
}
