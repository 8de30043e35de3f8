import ArgumentParser
import Foundation
import TurnoutClient
import TurnoutService

/// How every command that talks to a runtime chooses it: the one place that turns flags and environment into an
/// `any RuntimeService`.
///
/// Precedence: an explicit `--server`, then an explicit `--kubeconfig`/`--context`, then `TURNOUT_SERVER`, then
/// `KUBECONFIG`, else the default local API (`http://127.0.0.1:7070`). This build reaches the single-host runtime
/// only: `--kubeconfig`, `--context` and `-n/--namespace` are refused with an error saying so, and `KUBECONFIG` is
/// not consulted yet.
struct RuntimeOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: ArgumentHelp(
        "The single-host runtime's API URL.",
        discussion: "The runtime is chosen in this order: --server, then --kubeconfig/--context, then $TURNOUT_SERVER, then $KUBECONFIG, else http://127.0.0.1:7070. This build reaches the single-host runtime only ($KUBECONFIG is not consulted yet)."
    ))
    var server: String?

    @Option(name: .customLong("token"), help: "Bearer token for the API (default $TURNOUT_TOKEN).")
    var token: String?

    @Option(name: .customLong("kubeconfig"), help: "A cluster's kubeconfig file (not supported yet: this build reaches the single-host runtime only).")
    var kubeconfig: String?

    @Option(name: .customLong("context"), help: "The kubeconfig context to use (not supported yet: this build reaches the single-host runtime only).")
    var context: String?

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "The cluster namespace (not supported yet: this build reaches the single-host runtime only).")
    var namespace: String?

    /// The runtime a command reaches after flags and environment.
    enum Target: Sendable, Hashable {
        /// The single-host runtime's REST API at `url`, with the bearer token to send.
        case api(url: String, token: String?)
    }

    /// The runtime the flags and `environment` choose, by the precedence above; throws when they choose one this
    /// build cannot reach (a cluster).
    func target(environment: [String: String]) throws(RuntimeOptionsError) -> Target {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let token = token ?? environment["TURNOUT_TOKEN"]
        if let server = nonEmpty(server) {
            guard namespace == nil else { throw .clusterNotSupported(flag: "-n/--namespace") }
            return .api(url: server, token: token)
        }
        if kubeconfig != nil { throw .clusterNotSupported(flag: "--kubeconfig") }
        if context != nil { throw .clusterNotSupported(flag: "--context") }
        if namespace != nil { throw .clusterNotSupported(flag: "-n/--namespace") }
        return .api(url: nonEmpty(environment["TURNOUT_SERVER"]) ?? APIClient.defaultURL, token: token)
    }

    func validate() throws {
        do {
            _ = try target(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Connects to the chosen runtime, runs `body` with it and disconnects afterwards, also when `body` throws.
    /// A `RuntimeServiceError` becomes `error: MESSAGE` (and its diagnostics) on stderr and exit status 1.
    func withRuntime<Result>(_ body: (any RuntimeService) async throws -> Result) async throws -> Result {
        let target: Target
        do {
            target = try self.target(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
        do {
            switch target {
            case .api(let url, let token):
                return try await APIClient.with(baseURL: url, token: token) { client in try await body(client) }
            }
        } catch let error as RuntimeServiceError {
            for diagnostic in error.diagnostics { Terminal.writeError(diagnostic.rendered) }
            Terminal.writeError("error: \(error.message)")
            throw ExitCode.failure
        }
    }
}

/// Why the runtime options choose no runtime this build can reach.
enum RuntimeOptionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A flag that picks a cluster, before cluster support exists.
    case clusterNotSupported(flag: String)

    var description: String {
        switch self {
        case .clusterNotSupported(let flag):
            return "\(flag): not supported yet: this build reaches the single-host runtime only; use --server URL or TURNOUT_SERVER (default \(APIClient.defaultURL))"
        }
    }
}
