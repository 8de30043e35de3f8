import KubernetesClient

/// Manifests the integration tests create.
enum IntegrationManifests {
    /// A Deployment of one `app` container, labelled `app: NAME`.
    static func deployment(_ name: String, replicas: Int) -> KubernetesJSON {
        let labels: KubernetesJSON = ["app": .string(name)]
        return [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": .string(name), "labels": labels],
            "spec": [
                "replicas": .int(replicas),
                "selector": ["matchLabels": labels],
                "template": [
                    "metadata": ["labels": labels],
                    "spec": ["containers": [["name": "app", "image": "nginx:1.19"]]],
                ],
            ],
        ]
    }

    /// A namespaced CRD `widgets.GROUP` (v1) with the status and scale subresources.
    static func widgetDefinition(group: String) -> KubernetesJSON {
        [
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": ["name": .string("widgets.\(group)")],
            "spec": [
                "group": .string(group), "scope": "Namespaced",
                "names": ["plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"],
                "versions": [
                    [
                        "name": "v1", "served": true, "storage": true,
                        "subresources": [
                            "status": [:],
                            "scale": [
                                "specReplicasPath": ".spec.replicas", "statusReplicasPath": ".status.replicas",
                                "labelSelectorPath": ".status.selector",
                            ],
                        ],
                        "schema": [
                            "openAPIV3Schema": [
                                "type": "object",
                                "properties": [
                                    "spec": [
                                        "type": "object",
                                        "properties": ["color": ["type": "string"], "replicas": ["type": "integer"]],
                                    ],
                                    "status": [
                                        "type": "object",
                                        "properties": [
                                            "phase": ["type": "string"], "replicas": ["type": "integer"],
                                            "selector": ["type": "string"],
                                        ],
                                    ],
                                ],
                            ]
                        ],
                    ]
                ],
            ],
        ]
    }
}
