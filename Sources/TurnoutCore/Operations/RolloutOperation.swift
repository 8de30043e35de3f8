/// Something a person asks of a rollout; applied as a change to its spec or status that the engine then acts on.
public enum RolloutOperation: Sendable, Hashable {
    /// Stop progress (`spec.paused`).
    case pause
    /// Undo `pause`, and end an engine pause that waits for a person.
    case resume
    /// Go past the current pause or step; `full` skips all remaining steps and analysis.
    case promote(full: Bool)
    /// Send all traffic back to stable and retire the new revision.
    case abort
    /// Start an aborted update again from its first step.
    case retry
    /// Restart every replica.
    case restart
    /// Go back to a revision's template: a number, or the one before the current when `nil`.
    case undo(toRevision: Int?)
    /// Change one container's image.
    case setImage(container: String, image: String)
}

/// Why an operation cannot be applied.
public enum RolloutOperationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `retry` on a rollout that is not aborted.
    case notAborted(rollout: String)
    /// `undo` to a revision that does not exist.
    case revisionNotFound(rollout: String, number: Int?)
    /// `set image` naming a container the template does not have.
    case containerNotFound(rollout: String, container: String, available: [String])
    /// The rollout has no template to change.
    case missingTemplate(rollout: String)

    public var description: String {
        switch self {
        case .notAborted(let rollout):
            return "retry rollout \(rollout): it is not aborted"
        case .revisionNotFound(let rollout, let number):
            return number.map { "undo rollout \(rollout): revision \($0) does not exist" } ?? "undo rollout \(rollout): there is no earlier revision"
        case .containerNotFound(let rollout, let container, let available):
            return "set image on rollout \(rollout): no container named \(container) (containers: \(available.joined(separator: ", ")))"
        case .missingTemplate(let rollout):
            return "change rollout \(rollout): it has no spec.template"
        }
    }
}

extension Rollout {
    /// The rollout after an operation, given its revisions (for `undo`) and the time.
    public func applying(_ operation: RolloutOperation, revisions: [RevisionState], now: Instant) throws(RolloutOperationError) -> Rollout {
        var rollout = self
        var status = rollout.status ?? RolloutStatus()
        switch operation {
        case .pause:
            rollout.spec.paused = true
        case .resume:
            if rollout.spec.isPaused {
                rollout.spec.paused = nil
            } else {
                status.pauseConditions = nil
            }
        case .promote(let full):
            rollout.spec.paused = nil
            if full {
                status.promoteFull = true
                status.pauseConditions = nil
            } else if !status.activePauseConditions.isEmpty {
                status.pauseConditions = nil
            } else if let steps = rollout.spec.strategy?.canary?.steps, let index = status.currentStepIndex, index < steps.count {
                status.currentStepIndex = index + 1
            }
        case .abort:
            status.abort = true
            status.abortedAt = now
            status.abortReason = "aborted by a user"
        case .retry:
            guard status.isAborted else { throw .notAborted(rollout: name) }
            status.abort = nil
            status.abortedAt = nil
            status.abortReason = nil
            status.retries = (status.retries ?? 0) + 1
            status.currentStepIndex = 0
            status.pauseConditions = nil
            status.controllerPause = nil
        case .restart:
            rollout.spec.restartAt = now.rfc3339
        case .undo(let number):
            let current = rollout.spec.template.map(podTemplateHash)
            let currentNumber = revisions.first { $0.hash == current }?.number ?? Int.max
            let target = number.map { wanted in revisions.first { $0.number == wanted } }
                ?? revisions.filter { $0.number < currentNumber && $0.hash != current }.max { $0.number < $1.number }
            guard let revision = target else { throw .revisionNotFound(rollout: name, number: number) }
            rollout.spec.template = revision.template
        case .setImage(let containerName, let image):
            guard var template = rollout.spec.template else { throw .missingTemplate(rollout: name) }
            guard let index = template.spec.containers.firstIndex(where: { $0.name == containerName }) else {
                throw .containerNotFound(rollout: name, container: containerName, available: template.spec.containers.map(\.name))
            }
            template.spec.containers[index].image = image
            rollout.spec.template = template
        }
        rollout.status = status
        return rollout
    }
}
