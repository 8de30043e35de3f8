import Foundation
import Testing

/// `kubectl kustomize` renders each install of `deploy/` with the kinds, names, RBAC rules and controller
/// Deployment the install promises.
@Suite(.enabled(if: Kubectl.isInstalled, Kubectl.skipMessage))
struct KustomizeTests {
    static let crdNames = [
        "analysisruns.turnout.dev", "analysistemplates.turnout.dev", "clusteranalysistemplates.turnout.dev", "rollouts.turnout.dev",
    ]

    @Test func theClusterWideInstallHasTheCRDsAndTheControllerInTurnoutSystem() async throws {
        let rendered = try RenderedManifest(yaml: await Kubectl.kustomize(DeployLayout.root))
        #expect(rendered.kinds == [
            "CustomResourceDefinition", "Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment",
        ])
        #expect(rendered.names(ofKind: "CustomResourceDefinition") == Self.crdNames)
        #expect(rendered.names(ofKind: "Namespace") == [DeployLayout.systemNamespace])
        #expect(rendered.names(ofKind: "ClusterRole") == [DeployLayout.controller])
        #expect(rendered.names(ofKind: "ClusterRoleBinding") == [DeployLayout.controller])
        Self.expectEveryNamespacedObject(of: rendered, in: DeployLayout.systemNamespace)
        Self.expectBinding(rendered, "ClusterRoleBinding", DeployLayout.controller, role: ("ClusterRole", DeployLayout.controller), namespace: DeployLayout.systemNamespace)
        #expect(rendered.controllerContainer?["args"] as? [String] == DeployLayout.controllerArguments)
    }

    @Test func theClusterRoleGrantsExactlyWhatTheControllerUses() async throws {
        let rendered = try RenderedManifest(yaml: await Kubectl.kustomize(DeployLayout.root))
        let granted = ControllerPermissions.granted(by: rendered.rules("ClusterRole", DeployLayout.controller))
        #expect(granted.subtracting(ControllerPermissions.all("turnout.dev")).sorted() == [], "granted beyond what the controller uses")
        #expect(ControllerPermissions.all("turnout.dev").subtracting(granted).sorted() == [], "missing")
        #expect(!granted.contains(.init(group: "turnout.dev", resource: "rollouts/scale", verb: "update")))
        #expect(!granted.contains(.init(group: "", resource: "pods/log", verb: "get")))
        #expect(rendered.rules("ClusterRole", DeployLayout.controller).allSatisfy { $0.resourceNames.isEmpty && !$0.verbs.contains("*") && !$0.resources.contains("*") })
    }

    @Test(arguments: ["Role", "RoleBinding"])
    func leaderElectionIsLimitedToTheControllersNamespaceAndLease(kind: String) async throws {
        let rendered = try RenderedManifest(yaml: await Kubectl.kustomize(DeployLayout.root))
        let name = "turnout-controller-leader-election"
        let object = try #require(rendered.object(kind, name))
        #expect(RenderedManifest.string(object, "metadata", "namespace") == DeployLayout.systemNamespace)
        if kind == "Role" {
            let rules = rendered.rules("Role", name)
            #expect(ControllerPermissions.granted(by: rules) == ControllerPermissions.leaderElection)
            // `create` cannot be limited by name; get and update are limited to the controller's Lease.
            #expect(rules.filter { $0.verbs != ["create"] }.allSatisfy { $0.resourceNames == [DeployLayout.controller] })
        } else {
            Self.expectBinding(rendered, "RoleBinding", name, role: ("Role", name), namespace: DeployLayout.systemNamespace)
        }
    }

    @Test func theNamespacedInstallHasARoleAndOnlyTheTemplatesClusterRole() async throws {
        let rendered = try RenderedManifest(yaml: await Kubectl.kustomize(DeployLayout.namespaced))
        #expect(rendered.kinds == ["CustomResourceDefinition", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment"])
        #expect(rendered.names(ofKind: "CustomResourceDefinition") == Self.crdNames)
        #expect(rendered.names(ofKind: "ClusterRole") == [DeployLayout.clusterTemplatesRole])
        #expect(rendered.names(ofKind: "Role") == [DeployLayout.controller, "turnout-controller-leader-election"])
        let clusterWide = ControllerPermissions.granted(by: rendered.rules("ClusterRole", DeployLayout.clusterTemplatesRole))
        #expect(clusterWide == Set(ControllerPermissions.all("turnout.dev").filter { $0.resource == "clusteranalysistemplates" }))
        let namespaced = ControllerPermissions.granted(by: rendered.rules("Role", DeployLayout.controller))
        #expect(namespaced == ControllerPermissions.all("turnout.dev").filter { $0.resource != "clusteranalysistemplates" })
        Self.expectEveryNamespacedObject(of: rendered, in: DeployLayout.namespacedNamespace)
        Self.expectBinding(rendered, "RoleBinding", DeployLayout.controller, role: ("Role", DeployLayout.controller), namespace: DeployLayout.namespacedNamespace)
        Self.expectBinding(
            rendered, "ClusterRoleBinding", DeployLayout.clusterTemplatesRole, role: ("ClusterRole", DeployLayout.clusterTemplatesRole),
            namespace: DeployLayout.namespacedNamespace)
        let container = try #require(rendered.controllerContainer)
        #expect(container["args"] as? [String] == DeployLayout.controllerArguments + ["--namespace", "$(POD_NAMESPACE)"])
        let environment = container["env"] as? [[String: Any]] ?? []
        let podNamespace = environment.first { $0["name"] as? String == "POD_NAMESPACE" }
        #expect(podNamespace.flatMap { RenderedManifest.string($0, "valueFrom", "fieldRef", "fieldPath") } == "metadata.namespace")
    }

    @Test func theArgoDropInHasNoCRDsAndReconcilesArgoproj() async throws {
        let rendered = try RenderedManifest(yaml: await Kubectl.kustomize(DeployLayout.argoDropIn))
        #expect(!rendered.kinds.contains("CustomResourceDefinition"))
        #expect(rendered.kinds == ["Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment"])
        #expect(rendered.controllerContainer?["args"] as? [String] == DeployLayout.controllerArguments + ["--api-group", "argoproj.io"])
        let granted = ControllerPermissions.granted(by: rendered.rules("ClusterRole", DeployLayout.controller))
        #expect(granted == ControllerPermissions.all("argoproj.io"))
        #expect(!granted.contains { $0.group == "turnout.dev" })
        #expect(!rendered.objects.contains { Self.mentions($0, "turnout.dev") }, "no object of the drop-in names the turnout.dev group")
    }

    @Test(arguments: DeployLayout.installs)
    func theControllerDeploymentIsHardenedAndProbed(directory: URL) async throws {
        let rendered = try RenderedManifest(yaml: await Kubectl.kustomize(directory))
        let deployment = try #require(rendered.object("Deployment", DeployLayout.controller))
        let labels = ["app.kubernetes.io/name": "turnout", "app.kubernetes.io/component": "controller"]
        #expect(RenderedManifest.value(deployment, "spec", "replicas") as? Int == 2)
        #expect(RenderedManifest.value(deployment, "spec", "selector", "matchLabels") as? [String: String] == labels)
        let templateLabels = RenderedManifest.value(deployment, "spec", "template", "metadata", "labels") as? [String: String] ?? [:]
        #expect(labels.allSatisfy { templateLabels[$0.key] == $0.value })
        #expect(RenderedManifest.string(deployment, "spec", "template", "spec", "serviceAccountName") == DeployLayout.controller)
        let podSecurity = RenderedManifest.value(deployment, "spec", "template", "spec", "securityContext") as? [String: Any] ?? [:]
        #expect(podSecurity["runAsNonRoot"] as? Bool == true)
        #expect(RenderedManifest.string(podSecurity, "seccompProfile", "type") == "RuntimeDefault")

        let container = try #require(rendered.controllerContainer)
        #expect(container["image"] as? String == "ghcr.io/turnout-dev/turnout:latest")
        let ports = (container["ports"] as? [[String: Any]] ?? []).map { "\($0["name"] as? String ?? "")=\($0["containerPort"] as? Int ?? 0)" }
        #expect(ports == ["health=8080", "metrics=8090"])
        #expect(RenderedManifest.string(container, "livenessProbe", "httpGet", "path") == "/healthz")
        #expect(RenderedManifest.value(container, "livenessProbe", "httpGet", "port") as? Int == 8080)
        #expect(RenderedManifest.string(container, "readinessProbe", "httpGet", "path") == "/readyz")
        #expect(RenderedManifest.value(container, "readinessProbe", "httpGet", "port") as? Int == 8080)
        #expect(RenderedManifest.value(container, "resources", "requests") as? [String: String] == ["cpu": "50m", "memory": "64Mi"])
        #expect(RenderedManifest.value(container, "resources", "limits") as? [String: String] == ["memory": "256Mi"])
        let security = container["securityContext"] as? [String: Any] ?? [:]
        #expect(security["runAsNonRoot"] as? Bool == true)
        #expect(security["readOnlyRootFilesystem"] as? Bool == true)
        #expect(security["allowPrivilegeEscalation"] as? Bool == false)
        #expect(RenderedManifest.value(security, "capabilities", "drop") as? [String] == ["ALL"])
        #expect(RenderedManifest.string(security, "seccompProfile", "type") == "RuntimeDefault")
        let environment = container["env"] as? [[String: Any]] ?? []
        let podName = environment.first { $0["name"] as? String == "POD_NAME" }
        #expect(podName.flatMap { RenderedManifest.string($0, "valueFrom", "fieldRef", "fieldPath") } == "metadata.name")
    }

    /// Every object of a namespaced kind is in `namespace`; cluster-scoped kinds have none.
    static func expectEveryNamespacedObject(of rendered: RenderedManifest, in namespace: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let clusterScoped: Set<String> = ["CustomResourceDefinition", "Namespace", "ClusterRole", "ClusterRoleBinding"]
        for object in rendered.objects {
            let kind = object["kind"] as? String ?? ""
            let actual = RenderedManifest.string(object, "metadata", "namespace")
            let name = RenderedManifest.string(object, "metadata", "name") ?? ""
            #expect(actual == (clusterScoped.contains(kind) ? nil : namespace), "\(kind) \(name)", sourceLocation: sourceLocation)
        }
    }

    /// The binding `name` refers to `role` and binds exactly the controller's service account in `namespace`.
    static func expectBinding(
        _ rendered: RenderedManifest, _ kind: String, _ name: String, role: (kind: String, name: String), namespace: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let binding = rendered.object(kind, name) else {
            Issue.record("no \(kind) \(name)", sourceLocation: sourceLocation)
            return
        }
        #expect(RenderedManifest.string(binding, "roleRef", "kind") == role.kind, sourceLocation: sourceLocation)
        #expect(RenderedManifest.string(binding, "roleRef", "name") == role.name, sourceLocation: sourceLocation)
        let subjects = (binding["subjects"] as? [[String: Any]] ?? []).map { "\($0["kind"] as? String ?? "") \($0["namespace"] as? String ?? "")/\($0["name"] as? String ?? "")" }
        #expect(subjects == ["ServiceAccount \(namespace)/\(DeployLayout.controller)"], sourceLocation: sourceLocation)
    }

    /// Whether any string in `value` contains `text`.
    static func mentions(_ value: Any, _ text: String) -> Bool {
        switch value {
        case let string as String: return string.contains(text)
        case let mapping as [String: Any]: return mapping.contains { $0.key.contains(text) || mentions($0.value, text) }
        case let list as [Any]: return list.contains { mentions($0, text) }
        default: return false
        }
    }
}
