/// Why an analysis run's arguments could not be resolved; the run ends in phase Error with this message.
public enum AnalysisArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An argument has neither a value nor a `valueFrom`, and the rollout gave none.
    case missingValue(argument: String)
    /// A `{{args.NAME}}` placeholder names an argument no template declares.
    case undeclared(argument: String, metric: String)
    /// `valueFrom.secretKeyRef` names a Secret that does not exist.
    case secretNotFound(argument: String, secret: String)
    /// `valueFrom.secretKeyRef` names a key the Secret does not have.
    case secretKeyNotFound(argument: String, secret: String, key: String)
    /// `valueFrom.fieldRef.fieldPath` names a field the rollout does not have.
    case fieldNotFound(argument: String, fieldPath: String)
    /// `valueFrom.podTemplateHashValue` is neither `Stable` nor `Latest`.
    case unknownPodTemplateHashValue(argument: String, value: String)
    /// `podTemplateHashValue: Stable` while the rollout has no stable revision.
    case noStableRevision(argument: String)
    /// A metric no longer decodes once its placeholders are replaced (e.g. `count: "{{args.n}}"` with `n: many`).
    case invalidMetric(metric: String, reason: String)

    /// A sentence naming the argument and what is wrong.
    public var description: String {
        switch self {
        case .missingValue(let argument):
            "argument \"\(argument)\" has no value: give it one in the rollout's analysis args or a default in the template"
        case .undeclared(let argument, let metric):
            "metric \"\(metric)\" uses {{args.\(argument)}}, which no template declares under spec.args"
        case .secretNotFound(let argument, let secret):
            "argument \"\(argument)\": Secret \"\(secret)\" not found"
        case .secretKeyNotFound(let argument, let secret, let key):
            "argument \"\(argument)\": Secret \"\(secret)\" has no key \"\(key)\""
        case .fieldNotFound(let argument, let fieldPath):
            "argument \"\(argument)\": the rollout has no field \(fieldPath)"
        case .unknownPodTemplateHashValue(let argument, let value):
            "argument \"\(argument)\": podTemplateHashValue must be Stable or Latest, got \"\(value)\""
        case .noStableRevision(let argument):
            "argument \"\(argument)\": podTemplateHashValue Stable, but the rollout has no stable revision yet"
        case .invalidMetric(let metric, let reason):
            "metric \"\(metric)\" is invalid once its arguments are substituted: \(reason)"
        }
    }
}
