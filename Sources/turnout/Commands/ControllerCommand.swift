import ArgumentParser
import Foundation
import KubernetesClient
import Logging
import TurnoutCore
import TurnoutKubernetes
import TurnoutServer

/// `turnout controller`: reconciles a cluster's Rollouts.
struct ControllerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controller",
        abstract: "Run the Kubernetes controller: reconcile the cluster's Rollouts through Turnout's engine.",
        discussion: """
            Watches Rollouts, ReplicaSets, pods, Services, EndpointSlices, AnalysisRuns and Jobs, and moves each \
            rollout on only after the data plane confirms the last move: a Service's EndpointSlices must list \
            only the intended revision's ready pods before a step counts as done or an old revision is scaled down.

            The cluster is the one kubectl would use: --kubeconfig, else $KUBECONFIG or ~/.kube/config, else the \
            pod's service account. With --api-group argoproj.io it reconciles Argo Rollouts' objects instead of \
            turnout.dev's (a drop-in replacement: stop Argo's controller first).

            With --leader-elect, replicas elect a leader through the Lease turnout-controller in --lease-namespace; \
            only the leader acts. /healthz, /readyz and /metrics are served on --health-address (and \
            --metrics-address when given separately). SIGINT or SIGTERM stops reconciling, releases the lease and exits.
            """
    )

    @Option(help: "A kubeconfig file (default $KUBECONFIG, ~/.kube/config, else in-cluster).")
    var kubeconfig: String?

    @Option(help: "The kubeconfig context to use.")
    var context: String?

    @Option(name: [.customShort("n"), .long], help: "Watch only this namespace (default: all namespaces).")
    var namespace: String?

    @Option(name: .customLong("api-group"), help: "The API group whose Rollouts to reconcile: turnout.dev or argoproj.io.")
    var apiGroup: String = TurnoutCore.APIGroup.turnout.rawValue

    @Option(help: "Rollouts reconciled at once.")
    var workers: Int = 4

    @Flag(name: .customLong("leader-elect"), help: "Elect one leader among replicas with a Lease.")
    var leaderElect = false

    @Option(name: .customLong("lease-namespace"), help: "Namespace of the leader Lease (default $POD_NAMESPACE, else the watched namespace, else turnout-system).")
    var leaseNamespace: String?

    @Option(help: "This replica's identity in the Lease and in events (default $POD_NAME, else the host name and process id).")
    var identity: String?

    @Option(name: .customLong("health-address"), help: "HOST:PORT serving /healthz, /readyz and /metrics (empty: none).")
    var healthAddress: String = "127.0.0.1:8080"

    @Option(name: .customLong("metrics-address"), help: "HOST:PORT serving /metrics on its own (default: with --health-address).")
    var metricsAddress: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    @Option(help: "The Prometheus (http[s]://HOST:PORT) the builtin metric provider reads ingress-nginx's or Istio's metrics from.")
    var prometheus: String?

    func validate() throws {
        guard TurnoutCore.APIGroup(rawValue: apiGroup) != nil else {
            throw ValidationError("--api-group \(apiGroup): expected turnout.dev or argoproj.io")
        }
        guard workers >= 1 else { throw ValidationError("--workers \(workers): at least 1") }
        if let prometheus, !(prometheus.hasPrefix("http://") || prometheus.hasPrefix("https://")) {
            throw ValidationError("--prometheus \(prometheus): expected an http:// or https:// URL")
        }
    }

    func run() async throws {
        let logger = RuntimeLauncher.logger(level: logLevel)
        let environment = ProcessInfo.processInfo.environment
        let metrics = ControllerMetrics()
        let client: KubernetesClient
        do {
            client = try KubernetesClient(
                configuration: ClientConfiguration.load(kubeconfigPath: kubeconfig, context: context, namespace: namespace), logger: logger,
                observer: { verb, code in metrics.recordAPIRequest(verb: verb, code: code) })
        } catch {
            Terminal.writeError("error: \(error)")
            throw ExitCode.failure
        }
        let identity = identity ?? environment["POD_NAME"] ?? "\(ProcessInfo.processInfo.hostName)-\(getpid())"
        let configuration = ControllerConfiguration(group: TurnoutCore.APIGroup(rawValue: apiGroup) ?? .turnout, namespace: namespace, workers: workers, identity: identity,
            prometheusAddress: prometheus)
        let controller: RolloutController
        do {
            controller = try await RolloutController.make(client: client, configuration: configuration, metrics: metrics, logger: logger)
        } catch {
            Terminal.writeError("error: \(error)")
            try? await client.shutdown()
            throw ExitCode.failure
        }
        let elector = leaderElect
            ? LeaderElector(
                client: client, namespace: leaseNamespace ?? environment["POD_NAMESPACE"] ?? namespace ?? "turnout-system",
                name: "turnout-controller", identity: identity, logger: logger)
            : nil
        var servers: [RunningAPIServer] = []
        do {
            for (address, servesProbes) in probeAddresses() {
                let listen = try ProbeAddress.parse(address)
                let server = ProbeServer(
                    host: listen.host, port: listen.port,
                    isReady: {
                        // A standby replica is ready: it is waiting for the lease, as it should.
                        if let elector, await !elector.isLeader { return true }
                        return await controller.isReady()
                    },
                    metrics: { metrics.exposition() }, logger: logger)
                let running = try await server.start()
                Terminal.write("turnout controller: \(servesProbes ? "health and metrics" : "metrics") on \(running.url)/")
                servers.append(running)
            }
        } catch {
            Terminal.writeError("error: \(error)")
            for server in servers { await server.shutdown() }
            try? await client.shutdown()
            throw ExitCode.failure
        }
        Terminal.write("turnout controller: reconciling \(configuration.group.rawValue) Rollouts in \(namespace.map { "namespace \($0)" } ?? "all namespaces") as \(identity)")
        let work = Task {
            if let elector {
                await elector.run { await controller.run() }
            } else {
                await controller.run()
            }
        }
        _ = await TerminationSignal.wait()
        Terminal.write("turnout controller: stopping")
        work.cancel()
        await work.value
        for server in servers { await server.shutdown() }
        try? await client.shutdown()
    }

    /// The addresses to serve, with whether each serves the health probes (else only metrics).
    private func probeAddresses() -> [(address: String, servesProbes: Bool)] {
        var addresses: [(address: String, servesProbes: Bool)] = []
        if !healthAddress.isEmpty { addresses.append((healthAddress, true)) }
        if let metricsAddress, !metricsAddress.isEmpty, metricsAddress != healthAddress { addresses.append((metricsAddress, false)) }
        return addresses
    }
}

/// A `HOST:PORT` for a probe listener.
struct ProbeAddress {
    var host: String
    var port: Int

    /// Parses `HOST:PORT` (`[::1]:8080` for IPv6).
    static func parse(_ text: String) throws -> ProbeAddress {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("\(text): expected HOST:PORT, e.g. 127.0.0.1:8080")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return ProbeAddress(host: host, port: port)
    }
}
