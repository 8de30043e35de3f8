import KubernetesClient

/// Fills in `protocol: TCP`, Kubernetes' own default, on every port that leaves it out — a Service's
/// `spec.ports` and every container's `ports` — before a server-side apply: API servers before 1.21 refuse such
/// an apply ("associative list with keys has an element that omits key field protocol"), although the same
/// object created or applied client-side is accepted. Pure; nothing else changes.
enum PortProtocolDefaults {
    /// The object with the protocol of each port filled in.
    static func filled(_ object: KubernetesJSON) -> KubernetesJSON {
        guard case .object(var fields) = object else { return object }
        if object["kind"]?.stringValue == "Service", case .object(var spec)? = fields["spec"], let ports = spec["ports"] {
            spec["ports"] = withProtocols(ports)
            fields["spec"] = .object(spec)
        }
        return .object(fields.mapValues(fillingContainers))
    }

    /// Walks a value and fills the ports of every `containers`, `initContainers` and `ephemeralContainers` list.
    private static func fillingContainers(_ value: KubernetesJSON) -> KubernetesJSON {
        switch value {
        case .object(let fields):
            var result: [String: KubernetesJSON] = [:]
            for (key, field) in fields {
                if ["containers", "initContainers", "ephemeralContainers"].contains(key), case .array(let containers) = field {
                    result[key] = .array(containers.map { container in
                        guard case .object(var containerFields) = container, let ports = containerFields["ports"] else { return container }
                        containerFields["ports"] = withProtocols(ports)
                        return .object(containerFields)
                    })
                } else {
                    result[key] = fillingContainers(field)
                }
            }
            return .object(result)
        case .array(let items):
            return .array(items.map(fillingContainers))
        case .null, .bool, .int, .double, .string:
            return value
        }
    }

    private static func withProtocols(_ ports: KubernetesJSON) -> KubernetesJSON {
        guard case .array(let list) = ports else { return ports }
        return .array(list.map { port in
            guard case .object(var fields) = port, fields["protocol"] == nil else { return port }
            fields["protocol"] = "TCP"
            return .object(fields)
        })
    }
}
