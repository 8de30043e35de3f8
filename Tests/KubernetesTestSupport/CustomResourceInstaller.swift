import Foundation
import TurnoutTestSupport
import KubernetesClient

/// Installs the project's CustomResourceDefinitions on the test API server, once per test process:
/// Turnout's own from `deploy/crds/`, Argo Rollouts' group from `Tests/Fixtures/crds/argoproj.io/`
/// (standing in for an existing Argo installation), the Gateway API's HTTPRoute and GRPCRoute and Istio's VirtualService and
/// DestinationRule from their fixtures. Applied with `kubectl apply --server-side`, then waited
/// on until the API server serves every resource.
public enum CustomResourceInstaller {
    /// The groups whose CRDs can be installed.
    public enum Group: String, Sendable, CaseIterable {
        /// `turnout.dev`.
        case turnout = "turnout.dev"
        /// `argoproj.io`.
        case argo = "argoproj.io"
        /// `gateway.networking.k8s.io` (HTTPRoute and GRPCRoute).
        case gatewayAPI = "gateway.networking.k8s.io"
        /// `networking.istio.io` (VirtualService and DestinationRule).
        case istio = "networking.istio.io"

        /// The directory of the group's CRD manifests, relative to the repository root.
        public var directory: String {
            switch self {
            case .turnout: return "deploy/crds"
            case .argo: return "Tests/Fixtures/crds/argoproj.io"
            case .gatewayAPI: return "Tests/Fixtures/crds/gateway.networking.k8s.io"
            case .istio: return "Tests/Fixtures/crds/networking.istio.io"
            }
        }

        /// The version and resources the API server must serve once the CRDs are in.
        var served: (version: String, resources: Set<String>) {
            switch self {
            case .turnout, .argo: return ("v1alpha1", ["rollouts", "analysisruns", "analysistemplates", "clusteranalysistemplates"])
            case .gatewayAPI: return ("v1", ["httproutes", "grpcroutes"])
            case .istio: return ("v1beta1", ["virtualservices", "destinationrules"])
            }
        }
    }

    /// The repository root (this file is `Tests/KubernetesTestSupport/CustomResourceInstaller.swift`).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let installed = InstalledGroups()

    /// Makes sure the group's CRDs are installed and served; cheap after the first call in a process.
    public static func install(_ group: Group) async throws {
        try await installed.install(group)
    }

    actor InstalledGroups {
        private var tasks: [Group: Task<Void, any Error>] = [:]

        func install(_ group: Group) async throws {
            if let task = tasks[group] { return try await task.value }
            let task = Task { try await CustomResourceInstaller.apply(group) }
            tasks[group] = task
            try await task.value
        }
    }

    /// Runs `kubectl apply --server-side` on the group's directory, then waits until discovery lists the resources.
    static func apply(_ group: Group) async throws {
        let path = try kubeconfigPath()
        let directory = repositoryRoot.appendingPathComponent(group.directory).path
        // deploy/crds is a kustomization (the install manifests build on it); the Argo stand-ins are plain files.
        let isKustomization = FileManager.default.fileExists(atPath: directory + "/kustomization.yaml")
        try await run(["kubectl", "--kubeconfig", path, "apply", "--server-side", "--force-conflicts", isKustomization ? "-k" : "-f", directory])
        let served = try await KubeTestEnvironment.withClient(KubeTestEnvironment.configuration()) { client in
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                let discovery = APIDiscovery(client: client)
                if let resources = try? await discovery.resources(group: group.rawValue, version: group.served.version),
                   Set(resources.map(\.name)).isSuperset(of: group.served.resources) {
                    return true
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        guard served else { throw InstallError(message: "the API server did not serve the \(group.rawValue) resources within 30 s") }
    }

    static func kubeconfigPath() throws -> String {
        guard let path = KubeTestEnvironment.kubeconfigPath else {
            throw InstallError(message: "no test API server: \(KubeTestEnvironment.skipMessage)")
        }
        return path
    }

    /// Runs a program (looked up on PATH) with arguments, no shell, on a thread of its own; throws with its output when it fails.
    static func run(_ arguments: [String]) async throws {
        let result = try await runProgram(URL(fileURLWithPath: "/usr/bin/env"), arguments)
        guard result.status == 0 else {
            throw InstallError(message: "\(arguments.joined(separator: " ")) exited \(result.status): \(result.stdout)\(result.stderr)")
        }
    }

    /// Why the CRDs could not be installed.
    public struct InstallError: Error, CustomStringConvertible {
        /// What went wrong.
        public var message: String
        public var description: String { "install CRDs: \(message)" }
    }
}
