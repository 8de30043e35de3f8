import TurnoutCore
import TurnoutService

/// A Deployment or ReplicaSet as the single-host runtime runs it: a Rollout with the same name, replicas,
/// selector and template whose canary strategy has no steps, so a template change is a rolling update with
/// the Deployment's `maxSurge` and `maxUnavailable` (`Recreate`: none surged, all unavailable). Pure.
///
/// The Rollout carries the annotation `turnout.dev/source-kind` naming the kind it came from. Kubernetes would
/// only use a changed ReplicaSet template for new pods; here it rolls like a Deployment's.
public enum DeploymentWorkload {
    /// The kinds run this way.
    public static let kinds: Set<String> = WorkloadSource.rollingUpdateKinds
    /// The annotation naming the kind a Rollout was made from.
    public static let sourceKindAnnotation = WorkloadSource.kindAnnotation

    /// The documents with every Deployment and ReplicaSet replaced by its Rollout, and the problems that stop one
    /// from running (each located at its field).
    public static func translate(_ documents: [ManifestDocument]) -> (documents: [ManifestDocument], diagnostics: [Diagnostic]) {
        var translated: [ManifestDocument] = []
        var diagnostics: [Diagnostic] = []
        for document in documents {
            guard case .other(let object) = document.object, kinds.contains(object.kind) else {
                translated.append(document)
                continue
            }
            switch rollout(from: object, locations: document.fieldLocations) {
            case .success(let rollout):
                translated.append(ManifestDocument(object: .rollout(rollout), location: document.location, fieldLocations: document.fieldLocations))
            case .failure(let problem):
                diagnostics.append(problem.diagnostic)
            }
        }
        return (translated, diagnostics)
    }

    /// The kind a Rollout was made from: `Rollout` unless it came from a Deployment or ReplicaSet.
    public static func sourceKind(of rollout: Rollout) -> String {
        WorkloadSource.kind(of: rollout)
    }

    /// Whether `rollout` is a Deployment or ReplicaSet: a rolling update without steps or weights.
    public static func isRollingUpdate(_ rollout: Rollout) -> Bool {
        WorkloadSource.isRollingUpdate(rollout)
    }

    /// The strategy as `turnout list` names it: `rollingUpdate` for a Deployment or ReplicaSet, else `blueGreen`
    /// or `canary`.
    public static func strategyName(of rollout: Rollout) -> String {
        WorkloadSource.strategyName(of: rollout)
    }

    /// Why a Deployment cannot run, located at the field.
    struct Problem: Error {
        var diagnostic: Diagnostic
    }

    /// The Rollout for one Deployment or ReplicaSet.
    static func rollout(from object: KubernetesObject, locations: FieldLocations) -> Result<Rollout, Problem> {
        func problem(_ path: String, _ message: String, fix: String) -> Problem {
            Problem(diagnostic: Diagnostic(severity: .error, location: locations.value(path), path: FieldPath(parsing: path) ?? [], message: message, fix: fix))
        }
        let spec = object.document["spec"]
        guard let templateValue = spec?["template"] else {
            return .failure(problem("spec.template", "\(object.kind) \(object.name) has no pod template", fix: "add spec.template with the containers to run"))
        }
        let template: PodTemplate
        do {
            template = try templateValue.decoded(as: PodTemplate.self)
        } catch {
            return .failure(problem("spec.template", "\(object.kind) \(object.name): the pod template cannot be read: \(error)", fix: "write spec.template as a Kubernetes pod template"))
        }
        var selector = LabelSelector(matchLabels: template.labels)
        if let selectorValue = spec?["selector"] {
            do {
                selector = try selectorValue.decoded(as: LabelSelector.self)
            } catch {
                return .failure(problem("spec.selector", "\(object.kind) \(object.name): the selector cannot be read: \(error)", fix: "write spec.selector as matchLabels or matchExpressions"))
            }
        }
        guard selector.matches(template.labels) else {
            return .failure(problem("spec.selector", "\(object.kind) \(object.name): the selector does not match the template's labels", fix: "make spec.template.metadata.labels carry every label of spec.selector"))
        }
        let canary: CanaryStrategy
        switch strategy(of: object) {
        case .success(let strategy): canary = strategy
        case .failure(let message): return .failure(problem("spec.strategy", "\(object.kind) \(object.name): \(message.text)", fix: "use type RollingUpdate with maxSurge and maxUnavailable as integers or percentages, or type Recreate"))
        }
        var metadata = ObjectMeta(name: object.metadata.name, namespace: object.metadata.namespace, labels: object.metadata.labels, annotations: object.metadata.annotations)
        metadata.annotations = (metadata.annotations ?? [:]).merging([sourceKindAnnotation: object.kind]) { _, new in new }
        var rolloutSpec = RolloutSpec(replicas: spec?["replicas"]?.intValue ?? 1, selector: selector, template: template, strategy: RolloutStrategy(canary: canary))
        rolloutSpec.minReadySeconds = spec?["minReadySeconds"]?.intValue
        rolloutSpec.revisionHistoryLimit = spec?["revisionHistoryLimit"]?.intValue
        rolloutSpec.paused = spec?["paused"]?.boolValue
        rolloutSpec.progressDeadlineSeconds = spec?["progressDeadlineSeconds"]?.intValue
        return .success(Rollout(metadata: metadata, spec: rolloutSpec))
    }

    /// The canary strategy equivalent to the Deployment's update strategy; a message when it cannot be read.
    static func strategy(of object: KubernetesObject) -> Result<CanaryStrategy, StrategyMessage> {
        // extensions/v1beta1 defaulted to one pod surged and one unavailable; apps/v1 to 25% each.
        let legacy = object.apiVersion.hasPrefix("extensions/")
        var canary = CanaryStrategy(steps: [])
        canary.maxSurge = legacy ? .count(1) : .percent(25)
        canary.maxUnavailable = legacy ? .count(1) : .percent(25)
        guard object.kind == "Deployment", let strategy = object.document["spec"]?["strategy"] else { return .success(canary) }
        switch strategy["type"]?.stringValue ?? "RollingUpdate" {
        case "Recreate":
            canary.maxSurge = .count(0)
            canary.maxUnavailable = .percent(100)
        case "RollingUpdate":
            do {
                if let surge = strategy["rollingUpdate"]?["maxSurge"] { canary.maxSurge = try surge.decoded(as: IntOrPercent.self) }
                if let unavailable = strategy["rollingUpdate"]?["maxUnavailable"] { canary.maxUnavailable = try unavailable.decoded(as: IntOrPercent.self) }
            } catch {
                return .failure(StrategyMessage(text: "rollingUpdate cannot be read: \(error)"))
            }
        case let other:
            return .failure(StrategyMessage(text: "unknown strategy type \(other)"))
        }
        if canary.maxSurge?.scaled(of: 100, roundingUp: true) == 0, canary.maxUnavailable?.scaled(of: 100, roundingUp: false) == 0 {
            return .failure(StrategyMessage(text: "maxSurge and maxUnavailable cannot both be 0"))
        }
        return .success(canary)
    }

    /// Why a strategy cannot be read.
    struct StrategyMessage: Error {
        var text: String
    }
}
