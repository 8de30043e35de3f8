import KubernetesClient
import KubernetesTestSupport

extension KubeTestEnvironment {
    /// A ConfigMap manifest.
    static func configMap(_ name: String, labels: [String: String] = [:], data: [String: String] = [:]) -> KubernetesJSON {
        [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": .string(name), "labels": .object(labels.mapValues { .string($0) })],
            "data": .object(data.mapValues { .string($0) }),
        ]
    }
}

/// A ConfigMap as tests read it back.
struct ConfigMap: Codable, Sendable, Equatable {
    var metadata: ObjectMeta
    var data: [String: String]?
}

extension ConfigMap: InformerObject {
    var informerKey: InformerKey { InformerKey(namespace: metadata.namespace ?? "", name: metadata.name ?? "") }
    var resourceVersion: String? { metadata.resourceVersion }
}
