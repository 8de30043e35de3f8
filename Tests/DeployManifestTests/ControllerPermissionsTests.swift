import Foundation
import KubernetesTestSupport
import Testing

/// The installs' RBAC on the real API server: each rendering is accepted by `kubectl apply --server-side`, and the
/// authorizer (`kubectl auth can-i --as` the controller's service account) allows what the controller uses and
/// refuses the rest.
@Suite(.serialized, .enabled(if: KubeTestEnvironment.isAvailable && Kubectl.isInstalled, KubeTestEnvironment.skipMessage))
struct ControllerPermissionsTests {
    /// An application namespace the controller does not run in.
    static let appNamespace = "default"

    /// What the controller must not do, in an application namespace (`nil` namespace: cluster scope).
    static func refused(group: String, installNamespace: String, leaseName: String) -> [AccessCheck] {
        [
            AccessCheck("create", "rollouts.\(group)", namespace: appNamespace),
            AccessCheck("delete", "rollouts.\(group)", namespace: appNamespace),
            AccessCheck("get", "rollouts.\(group)", subresource: "scale", namespace: appNamespace),
            AccessCheck("update", "rollouts.\(group)", subresource: "scale", namespace: appNamespace),
            AccessCheck("patch", "rollouts.\(group)", subresource: "scale", namespace: appNamespace),
            AccessCheck("create", "analysistemplates.\(group)", namespace: appNamespace),
            AccessCheck("delete", "clusteranalysistemplates.\(group)", namespace: nil),
            AccessCheck("deletecollection", "analysisruns.\(group)", namespace: appNamespace),
            AccessCheck("create", "services", namespace: appNamespace),
            AccessCheck("delete", "services", namespace: appNamespace),
            AccessCheck("create", "secrets", namespace: appNamespace),
            AccessCheck("update", "secrets", namespace: appNamespace),
            AccessCheck("watch", "secrets", namespace: appNamespace),
            AccessCheck("list", "secrets", namespace: appNamespace),
            AccessCheck("list", "configmaps", namespace: appNamespace),
            AccessCheck("create", "pods", namespace: appNamespace),
            AccessCheck("update", "pods", namespace: appNamespace),
            AccessCheck("get", "pods", subresource: "log", namespace: appNamespace),
            AccessCheck("create", "pods", subresource: "exec", namespace: appNamespace),
            AccessCheck("create", "deployments.apps", namespace: appNamespace),
            AccessCheck("update", "replicasets.apps", subresource: "scale", namespace: appNamespace),
            AccessCheck("update", "jobs.batch", namespace: appNamespace),
            AccessCheck("list", "events", namespace: appNamespace),
            AccessCheck("create", "events.events.k8s.io", namespace: appNamespace),
            AccessCheck("create", "leases.coordination.k8s.io", namespace: appNamespace),
            AccessCheck("get", "leases.coordination.k8s.io", name: leaseName, namespace: appNamespace),
            AccessCheck("list", "leases.coordination.k8s.io", namespace: installNamespace),
            AccessCheck("update", "leases.coordination.k8s.io", name: "someone-elses", namespace: installNamespace),
            AccessCheck("delete", "leases.coordination.k8s.io", name: leaseName, namespace: installNamespace),
            AccessCheck("get", "nodes", namespace: nil),
            AccessCheck("list", "namespaces", namespace: nil),
            AccessCheck("create", "clusterroles.rbac.authorization.k8s.io", namespace: nil),
            AccessCheck("get", "customresourcedefinitions.apiextensions.k8s.io", namespace: nil),
        ]
    }

    /// Leader election: the controller's Lease in its own namespace.
    static func leaderElection(namespace: String, leaseName: String) -> [AccessCheck] {
        [
            AccessCheck("create", "leases.coordination.k8s.io", namespace: namespace),
            AccessCheck("get", "leases.coordination.k8s.io", name: leaseName, namespace: namespace),
            AccessCheck("update", "leases.coordination.k8s.io", name: leaseName, namespace: namespace),
        ]
    }

    @Test func theClusterWideInstallIsAcceptedAndGrantsExactlyWhatTheControllerUses() async throws {
        try await TestInstall.with(DeployLayout.root, createNamespace: false) { install, _ in
            let allowed = ControllerPermissions.all("turnout.dev").sorted().map { AccessCheck($0, namespace: Self.appNamespace) }
                + Self.leaderElection(namespace: install.namespace, leaseName: DeployLayout.controller)
                + [AccessCheck("get", "/apis", namespace: nil)]
            try await Self.expect(install, allows: allowed)
            try await Self.expect(install, refuses: Self.refused(group: "turnout.dev", installNamespace: install.namespace, leaseName: DeployLayout.controller)
                + ControllerPermissions.rolloutGroup("argoproj.io").filter { $0.verb == "get" }.sorted().map { AccessCheck($0, namespace: Self.appNamespace) })
        }
    }

    @Test func theNamespacedInstallGrantsItsNamespaceOnly() async throws {
        try await TestInstall.with(DeployLayout.namespaced, createNamespace: true) { install, _ in
            let grants = ControllerPermissions.all("turnout.dev").sorted()
            let inNamespace = grants.map { AccessCheck($0, namespace: install.namespace) }
                + Self.leaderElection(namespace: install.namespace, leaseName: DeployLayout.controller)
            try await Self.expect(install, allows: inNamespace)
            // Elsewhere only ClusterAnalysisTemplates can be read (they are cluster-scoped).
            let elsewhere = grants.filter { $0.resource != "clusteranalysistemplates" }.map { AccessCheck($0, namespace: Self.appNamespace) }
                + Self.leaderElection(namespace: Self.appNamespace, leaseName: DeployLayout.controller)
            try await Self.expect(install, refuses: elsewhere)
            try await Self.expect(install, refuses: Self.refused(group: "turnout.dev", installNamespace: install.namespace, leaseName: DeployLayout.controller))
        }
    }

    @Test func theArgoDropInGrantsArgoprojInsteadOfTurnout() async throws {
        try await TestInstall.with(DeployLayout.argoDropIn, createNamespace: false) { install, _ in
            let rollouts = ControllerPermissions.rolloutGroup("argoproj.io").map { AccessCheck($0, namespace: Self.appNamespace) }
            try await Self.expect(install, allows: rollouts + ControllerPermissions.workloads.map { AccessCheck($0, namespace: Self.appNamespace) })
            try await Self.expect(install, refuses: ControllerPermissions.rolloutGroup("turnout.dev").map { AccessCheck($0, namespace: Self.appNamespace) }
                + Self.refused(group: "argoproj.io", installNamespace: install.namespace, leaseName: DeployLayout.controller))
        }
    }

    static func expect(_ install: TestInstall, allows checks: [AccessCheck], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let answers = try await install.allowed(checks)
        let refused = zip(checks, answers).filter { !$0.1 }.map(\.0.description)
        #expect(refused == [], "refused but the controller needs them", sourceLocation: sourceLocation)
    }

    static func expect(_ install: TestInstall, refuses checks: [AccessCheck], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let answers = try await install.allowed(checks)
        let allowed = zip(checks, answers).filter { $0.1 }.map(\.0.description)
        #expect(allowed == [], "allowed beyond what the controller uses", sourceLocation: sourceLocation)
    }
}
