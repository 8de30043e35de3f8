import Foundation

/// Whether an existing revision's template is the rollout's template, so the revision is adopted instead of
/// a new one made: ReplicaSets created by Argo Rollouts (whose hash Turnout cannot reproduce), or revisions
/// hashed by an older Turnout.
///
/// Compared as JSON after removing what does not make two templates different: the
/// `rollouts-pod-template-hash` label, `metadata.creationTimestamp`, fields equal to the default the API
/// server fills in (`restartPolicy: Always`, `dnsPolicy: ClusterFirst`, `terminationMessagePath`, probe
/// periods, port protocol `TCP`, `imagePullPolicy` for the image's tag, ...), and nulls and empty objects or
/// lists left behind. Any other difference, including order within lists, keeps them apart.
public func podTemplatesMatch(_ existing: PodTemplate, _ desired: PodTemplate) -> Bool {
    comparableTemplate(existing) == comparableTemplate(desired)
}

/// The template as `podTemplatesMatch` compares it.
func comparableTemplate(_ template: PodTemplate) -> JSONValue? {
    guard let value = try? JSONDecoder().decode(JSONValue.self, from: canonicalTemplateBytes(template)) else { return nil }
    return TemplateDefaults.strip(value)
}

/// The API server's defaults for a pod template, and how to take them out of a template's JSON.
enum TemplateDefaults {
    /// The label Argo Rollouts (and Turnout on a cluster) adds to a revision's template.
    static let hashLabel = "rollouts-pod-template-hash"

    static let podSpec: [String: JSONValue] = [
        "restartPolicy": .string("Always"), "dnsPolicy": .string("ClusterFirst"),
        "schedulerName": .string("default-scheduler"), "terminationGracePeriodSeconds": .int(30),
        "enableServiceLinks": .bool(true), "securityContext": .object([:]),
    ]
    static let container: [String: JSONValue] = [
        "terminationMessagePath": .string("/dev/termination-log"), "terminationMessagePolicy": .string("File"),
        "resources": .object([:]),
    ]
    static let probe: [String: JSONValue] = [
        "timeoutSeconds": .int(1), "periodSeconds": .int(10), "successThreshold": .int(1), "failureThreshold": .int(3),
    ]

    /// The template JSON without hash label, server-filled defaults, nulls and empty values.
    static func strip(_ template: JSONValue) -> JSONValue {
        guard var object = template.objectValue else { return template }
        if var metadata = object["metadata"]?.objectValue {
            metadata["creationTimestamp"] = nil
            if var labels = metadata["labels"]?.objectValue {
                labels[hashLabel] = nil
                metadata["labels"] = .object(labels)
            }
            object["metadata"] = .object(metadata)
        }
        if var spec = object["spec"]?.objectValue {
            removeDefaults(podSpec, from: &spec)
            for key in ["containers", "initContainers"] {
                if let list = spec[key]?.arrayValue { spec[key] = .array(list.map(stripContainer)) }
            }
            if let volumes = spec["volumes"]?.arrayValue { spec["volumes"] = .array(volumes.map(stripVolume)) }
            object["spec"] = .object(spec)
        }
        return pruned(.object(object)) ?? .object([:])
    }

    private static func stripContainer(_ value: JSONValue) -> JSONValue {
        guard var container = value.objectValue else { return value }
        removeDefaults(self.container, from: &container)
        if let image = container["image"]?.stringValue, container["imagePullPolicy"] == .string(defaultPullPolicy(for: image)) {
            container["imagePullPolicy"] = nil
        }
        if let ports = container["ports"]?.arrayValue {
            container["ports"] = .array(ports.map { port in
                guard var port = port.objectValue else { return port }
                if port["protocol"] == .string("TCP") { port["protocol"] = nil }
                return .object(port)
            })
        }
        for key in ["readinessProbe", "livenessProbe", "startupProbe"] {
            guard var probe = container[key]?.objectValue else { continue }
            removeDefaults(self.probe, from: &probe)
            if var get = probe["httpGet"]?.objectValue, get["scheme"] == .string("HTTP") {
                get["scheme"] = nil
                probe["httpGet"] = .object(get)
            }
            container[key] = .object(probe)
        }
        if let env = container["env"]?.arrayValue {
            container["env"] = .array(env.map(stripFieldRefVersion))
        }
        return .object(container)
    }

    private static func stripFieldRefVersion(_ value: JSONValue) -> JSONValue {
        guard var variable = value.objectValue, var from = variable["valueFrom"]?.objectValue,
            var fieldRef = from["fieldRef"]?.objectValue, fieldRef["apiVersion"] == .string("v1")
        else { return value }
        fieldRef["apiVersion"] = nil
        from["fieldRef"] = .object(fieldRef)
        variable["valueFrom"] = .object(from)
        return .object(variable)
    }

    private static func stripVolume(_ value: JSONValue) -> JSONValue {
        guard var volume = value.objectValue else { return value }
        for key in ["configMap", "secret"] {
            if var source = volume[key]?.objectValue, source["defaultMode"] == .int(420) {
                source["defaultMode"] = nil
                volume[key] = .object(source)
            }
        }
        return .object(volume)
    }

    /// Kubernetes' default: `Always` for a `:latest` or untagged image, `IfNotPresent` otherwise.
    static func defaultPullPolicy(for image: String) -> String {
        if image.contains("@") { return "IfNotPresent" }
        let lastComponent = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastComponent.lastIndex(of: ":") else { return "Always" }
        return lastComponent[lastComponent.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }

    private static func removeDefaults(_ defaults: [String: JSONValue], from object: inout [String: JSONValue]) {
        for (key, value) in defaults where object[key] == value {
            object[key] = nil
        }
    }

    /// The value without nulls and without objects or lists that are empty (after pruning their members).
    private static func pruned(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .null:
            return nil
        case .object(let members):
            var kept: [String: JSONValue] = [:]
            for (key, member) in members {
                if let member = pruned(member) { kept[key] = member }
            }
            return kept.isEmpty ? nil : .object(kept)
        case .array(let elements):
            let kept = elements.map { pruned($0) ?? .object([:]) }
            return kept.isEmpty ? nil : .array(kept)
        case .bool, .int, .double, .string:
            return value
        }
    }
}
