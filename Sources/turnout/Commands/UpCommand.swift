import ArgumentParser
import Foundation
import TurnoutDemoApp
import TurnoutLocal
import TurnoutServer
import TurnoutService

/// `turnout up`: the single-host runtime daemon with its local API.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run the single-host runtime: rollouts as local processes behind the embedded proxy.",
        discussion: """
            Applied Rollouts run as processes (one per replica, each on its own loopback port); Services and \
            Ingresses become proxy listeners; the engine moves traffic between revisions and checks each move \
            in the proxy before going on. State lives in SQLite in --state-dir: after a crash (even kill -9), \
            `turnout up` again resumes every rollout where it was, re-adopts the replicas still running and \
            health-checks them before they get traffic.

            Talk to it with `turnout apply`, `get`, `list`, `status`, `promote`, ... (they use --server, \
            default http://127.0.0.1:7070, or TURNOUT_SERVER). The API binds to loopback; on any other address \
            it requires a token (--token or TURNOUT_TOKEN) sent as `Authorization: Bearer TOKEN`.

            SIGINT or SIGTERM drains and stops every replica, then exits; with --keep-processes the replicas \
            keep running for the next `turnout up` to adopt.
            """
    )

    @Option(name: .customLong("state-dir"), help: "Directory for the database, replica logs and the lock (default ~/.turnout).")
    var stateDirectory: String?

    @Option(help: "HOST:PORT of the REST API (port 0: any free port).")
    var api: String = "127.0.0.1:7070"

    @Option(help: "HOST:PORT of the listener shared by Ingress routes (port 0: a free port, kept across restarts; default from --config, else 127.0.0.1:0).")
    var ingress: String?

    @Option(help: "Runtime configuration file: images table, ingress address, drain timeout (default <state-dir>/config.yaml when it exists).")
    var config: String?

    @Option(help: "Bearer token the API requires (default $TURNOUT_TOKEN; required off loopback).")
    var token: String?

    @Flag(name: .customLong("keep-processes"), help: "Leave replicas running on exit, for the next `turnout up` to adopt.")
    var keepProcesses = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        let directory = stateDirectory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".turnout", isDirectory: true)
        let apiAddress: ListenAddress
        do {
            apiAddress = try ListenAddress.parse(api, source: "--api")
        } catch {
            throw ValidationError("\(error)")
        }
        let logger = RuntimeLauncher.logger(level: logLevel)
        let configPath = config ?? directory.appendingPathComponent("config.yaml").path
        var file = RuntimeConfigurationFile()
        if config != nil || FileManager.default.fileExists(atPath: configPath) {
            do {
                let (loaded, warnings) = try RuntimeConfigurationFile.load(path: configPath)
                file = loaded
                for warning in warnings { FileHandle.standardError.write(Data((warning.rendered + "\n").utf8)) }
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        var configuration = try RuntimeLauncher.configuration(
            stateDirectory: directory, ingress: ingress ?? file.ingress ?? "127.0.0.1:0", stopsReplicasOnShutdown: !keepProcesses, logger: logger)
        configuration.images = file.images ?? [:]
        configuration.drainTimeoutSeconds = file.drainTimeoutSeconds ?? configuration.drainTimeoutSeconds
        let token = token ?? ProcessInfo.processInfo.environment["TURNOUT_TOKEN"]
        let apiConfiguration = APIServerConfiguration(host: apiAddress.host, port: apiAddress.port, token: token)
        if !apiConfiguration.isLoopback, apiConfiguration.effectiveToken == nil {
            // Refused before anything starts: nothing is changed by a command line that cannot work.
            throw ValidationError("\(APIServerError.tokenRequired(host: apiAddress.host))")
        }
        let runtime: LocalRuntime
        do {
            runtime = try await LocalRuntime.start(configuration, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let server: RunningAPIServer
        do {
            let api = try APIServer(service: runtime, configuration: apiConfiguration, logger: logger)
            server = try await api.start()
        } catch {
            await runtime.stop()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        var banner = "turnout up: state in \(directory.path)\nturnout up: API on \(server.url)\n"
        for listener in await runtime.listenerAddresses() {
            banner += "turnout up: \(listener.name) on \(listener.url)/\n"
        }
        FileHandle.standardOutput.write(Data(banner.utf8))
        _ = await TerminationSignal.wait()
        FileHandle.standardOutput.write(Data("turnout up: stopping (\(keepProcesses ? "leaving replicas running" : "draining and stopping replicas"))\n".utf8))
        await server.shutdown()
        await runtime.stop()
    }
}
