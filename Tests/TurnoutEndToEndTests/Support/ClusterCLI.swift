import Foundation
import KubernetesClient
import TurnoutService

/// The `turnout` binary pointed at one namespace of the test API server with `--kubeconfig`, `-n` and `--api-group`.
struct ClusterCLI {
    /// The admin kubeconfig of the test API server.
    let kubeconfig: String
    /// The namespace every command works in.
    let namespace: String
    /// The group of the Rollouts the commands work on.
    let group: String

    /// Runs `turnout ARGS --kubeconfig K -n NS --api-group G`.
    func run(_ arguments: [String], timeout: Int = 60) async throws -> TurnoutBinary.Result {
        try await TurnoutBinary.run(arguments + ["--kubeconfig", kubeconfig, "-n", namespace, "--api-group", group], timeout: timeout)
    }

    /// The rollout as `turnout get rollout NAME -o json` shows it.
    func rollout(_ name: String) async throws -> RolloutView {
        let result = try await run(["get", "rollout", name, "-o", "json"])
        guard result.status == 0 else { throw ClusterCLIError(message: "get rollout \(name): \(result.stderr)") }
        return try JSONDecoder().decode(RolloutView.self, from: Data(result.stdout.utf8))
    }

    /// Polls the rollout until `condition` holds; throws with its last state after `seconds`.
    @discardableResult
    func waitFor(_ name: String, _ what: String, seconds: Double = 90, _ condition: (RolloutView) -> Bool) async throws -> RolloutView {
        try await waitForRollout(name, what, seconds: seconds, interval: .milliseconds(300), read: { try await rollout(name) }, condition)
    }

    /// The holder of the controller's leader Lease in the namespace, if any.
    func leaseHolder(_ client: KubernetesClient) async throws -> String? {
        let lease: KubernetesJSON? = try? await client.get(.leases, namespace: namespace, name: "turnout-controller")
        return lease?[path: ["spec", "holderIdentity"]]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A cluster command that failed or a wait that ran out.
struct ClusterCLIError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
