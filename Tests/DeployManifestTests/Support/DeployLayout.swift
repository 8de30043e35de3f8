import Foundation
import KubernetesTestSupport
import Testing

/// Where the install manifests are, and the names they install.
enum DeployLayout {
    /// `deploy/`: the CRDs and the cluster-wide controller.
    static let root = CustomResourceInstaller.repositoryRoot.appendingPathComponent("deploy")
    /// `deploy/crds`.
    static let crds = root.appendingPathComponent("crds")
    /// `deploy/base`.
    static let base = root.appendingPathComponent("base")
    /// `deploy/overlays/namespaced`.
    static let namespaced = root.appendingPathComponent("overlays/namespaced")
    /// `deploy/overlays/argo-drop-in`.
    static let argoDropIn = root.appendingPathComponent("overlays/argo-drop-in")

    /// The three kustomizations a user applies.
    static let installs = [root, namespaced, argoDropIn]

    /// The controller's name (Deployment, ServiceAccount, ClusterRole, Lease).
    static let controller = "turnout-controller"
    /// The namespace of the cluster-wide install.
    static let systemNamespace = "turnout-system"
    /// The namespace `overlays/namespaced` installs into unless changed.
    static let namespacedNamespace = "turnout-apps"
    /// The ClusterRole of the namespaced install.
    static let clusterTemplatesRole = "turnout-controller-cluster-templates"

    /// The controller's arguments in the base Deployment.
    static let controllerArguments = ["controller", "--leader-elect", "--health-address", "0.0.0.0:8080", "--metrics-address", "0.0.0.0:8090"]

    /// Every `.yaml` file under `deploy/`, sorted, with its path relative to the repository root.
    static func yamlFiles() throws -> [(relative: String, url: URL)] {
        let rootPath = CustomResourceInstaller.repositoryRoot.path + "/"
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
            .map { (relative: String($0.path.dropFirst(rootPath.count)), url: $0) }
            .sorted { $0.relative < $1.relative }
    }
}
