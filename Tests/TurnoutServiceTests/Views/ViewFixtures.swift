import TurnoutCore

/// Rollouts and revisions the view-builder tests start from.
enum ViewFixtures {
    static func template(image: String, labels: [String: String] = ["app": "web"]) -> PodTemplate {
        PodTemplate(metadata: PodTemplateMetadata(labels: labels), spec: PodSpec(containers: [Container(name: "web", image: image)]))
    }

    /// A canary with `steps` whose status says stable `stable` and current `current`.
    static func canary(stable: String?, current: String?, steps: [CanaryStep]? = [CanaryStep(setWeight: 25)]) -> Rollout {
        var strategy = CanaryStrategy(steps: steps)
        strategy.stableService = "web-stable"
        strategy.canaryService = "web-canary"
        var status = RolloutStatus()
        status.stableRS = stable
        status.currentPodHash = current
        return Rollout(metadata: ObjectMeta(name: "web"), spec: RolloutSpec(replicas: 4, template: template(image: "web:v2"), strategy: RolloutStrategy(canary: strategy)), status: status)
    }

    /// A blue-green whose status has the given stable, active and preview hashes.
    static func blueGreen(stable: String?, active: String?, preview: String?) -> Rollout {
        var status = RolloutStatus()
        status.stableRS = stable
        var blueGreen = BlueGreenStatus()
        blueGreen.activeSelector = active
        blueGreen.previewSelector = preview
        status.blueGreen = blueGreen
        let strategy = RolloutStrategy(blueGreen: BlueGreenStrategy(activeService: "web-active", previewService: "web-preview"))
        return Rollout(metadata: ObjectMeta(name: "web"), spec: RolloutSpec(replicas: 2, template: template(image: "web:v2"), strategy: strategy), status: status)
    }

    static func revision(_ hash: String, number: Int, image: String = "web:v1", replicas: Int = 2) -> RevisionState {
        RevisionState(hash: hash, number: number, template: template(image: image), replicas: replicas, readyReplicas: replicas, availableReplicas: replicas - 1)
    }

    static func service(_ name: String, selector: [String: String]) -> KubernetesObject {
        let document = JSONValue.object([
            "kind": .string("Service"), "metadata": .object(["name": .string(name)]),
            "spec": .object(["selector": .object(selector.mapValues(JSONValue.string))]),
        ])
        return KubernetesObject(apiVersion: "v1", kind: "Service", metadata: ObjectMeta(name: name), document: document)
    }
}
