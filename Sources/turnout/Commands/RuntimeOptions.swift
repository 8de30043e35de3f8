import ArgumentParser
import Foundation
import KubernetesClient
import TurnoutClient
import TurnoutCore
import TurnoutKubernetes
import TurnoutService

/// How every command that talks to a runtime chooses it: the one place that turns flags and environment into an
/// `any RuntimeService`.
///
/// Precedence: an explicit `--server`, then an explicit `--kubeconfig`/`--context`/`-n`/`--api-group`, then `TURNOUT_SERVER`,
/// then `KUBECONFIG`, then being run as `kubectl turnout`, else the default local API (`http://127.0.0.1:7070`).
struct RuntimeOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: ArgumentHelp(
        "The single-host runtime's API URL.",
        discussion: "The runtime is chosen in this order: --server, then a cluster named by --kubeconfig/--context/-n/--api-group, then $TURNOUT_SERVER, then the cluster of $KUBECONFIG, then the current kubectl context when run as `kubectl turnout`, else http://127.0.0.1:7070."
    ))
    var server: String?

    @Option(name: .customLong("token"), help: "Bearer token for the single-host API (default $TURNOUT_TOKEN).")
    var token: String?

    @Option(name: .customLong("kubeconfig"), help: "A cluster's kubeconfig file: work on that cluster.")
    var kubeconfig: String?

    @Option(name: .customLong("context"), help: "The kubeconfig context to use (of --kubeconfig, else $KUBECONFIG or ~/.kube/config).")
    var context: String?

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "The cluster namespace (default: the context's, else `default`).")
    var namespace: String?

    @Option(name: .customLong("api-group"), help: "On a cluster, the group of the Rollouts to work on: turnout.dev or argoproj.io (default: turnout.dev when the cluster serves it, else argoproj.io).")
    var apiGroup: String?

    /// The runtime a command reaches after flags and environment.
    enum Target: Sendable, Hashable {
        /// The single-host runtime's REST API at `url`, with the bearer token to send.
        case api(url: String, token: String?)
        /// A cluster, as kubectl finds it: the kubeconfig file (`nil`: `KUBECONFIG`, else `~/.kube/config`,
        /// else in-cluster), the context, the namespace (`nil`: the context's) and the Rollouts' group (`nil`: the
        /// one the cluster serves, Turnout's own first).
        case cluster(kubeconfig: String?, context: String?, namespace: String?, group: TurnoutCore.APIGroup?)
    }

    /// The runtime the flags and `environment` choose, by the precedence above.
    func target(environment: [String: String], asKubectlPlugin: Bool = Invocation.isKubectlPlugin) throws(RuntimeOptionsError) -> Target {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let token = token ?? environment["TURNOUT_TOKEN"]
        var group: TurnoutCore.APIGroup?
        if let apiGroup {
            guard let known = TurnoutCore.APIGroup(rawValue: apiGroup) else { throw .unknownGroup(apiGroup) }
            group = known
        }
        let cluster = Target.cluster(kubeconfig: nonEmpty(kubeconfig), context: nonEmpty(context), namespace: nonEmpty(namespace), group: group)
        if let server = nonEmpty(server) {
            if kubeconfig != nil || context != nil || namespace != nil || apiGroup != nil { throw .serverAndCluster }
            return .api(url: server, token: token)
        }
        if kubeconfig != nil || context != nil || namespace != nil || apiGroup != nil { return cluster }
        if let server = nonEmpty(environment["TURNOUT_SERVER"]) { return .api(url: server, token: token) }
        if nonEmpty(environment["KUBECONFIG"]) != nil || asKubectlPlugin { return cluster }
        return .api(url: APIClient.defaultURL, token: token)
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
            case .cluster(let kubeconfig, let context, let namespace, let group):
                let configuration: ClientConfiguration
                do {
                    configuration = try ClientConfiguration.load(kubeconfigPath: kubeconfig, context: context, namespace: namespace)
                } catch {
                    throw RuntimeServiceError.failed("no cluster to work on: \(error)")
                }
                return try await ClusterRuntime.with(configuration: configuration, group: group) { runtime in try await body(runtime) }
            }
        } catch let error as RuntimeServiceError {
            for diagnostic in error.diagnostics { Terminal.writeError(diagnostic.rendered) }
            Terminal.writeError("error: \(error.message)")
            throw ExitCode.failure
        }
    }
}

/// Why the runtime options choose no runtime.
enum RuntimeOptionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--server` names the single-host runtime while a cluster flag names a cluster.
    case serverAndCluster
    /// `--api-group` names neither group.
    case unknownGroup(String)

    var description: String {
        switch self {
        case .serverAndCluster:
            return "--server reaches the single-host runtime, while --kubeconfig, --context, -n/--namespace and --api-group choose a cluster: give one or the other"
        case .unknownGroup(let group):
            return "--api-group \(group): expected turnout.dev or argoproj.io"
        }
    }
}
