import ArgumentParser
import Dispatch
import Foundation
import TurnoutProxy

/// `turnout proxy`: runs the embedded reverse proxy on its own, with weights changeable through the admin endpoint.
struct ProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy",
        abstract: "Run the weighted reverse proxy standalone (stable and canary backends, header routes).",
        discussion: """
            One --backend sends everything there; two split between them by weight, the second being the \
            canary (`--backend 127.0.0.1:9001=90 --backend 127.0.0.1:9002=10`). A backend may list several \
            replicas: `--backend 127.0.0.1:9001,127.0.0.1:9003=90`. --header-route X-Canary:always=canary sends \
            matching requests to the canary before the weights apply.

            With --admin, an HTTP endpoint changes the routes while the proxy runs: GET /routes shows what the \
            data plane does, PUT /routes installs a whole table (JSON), PUT /routes/default/weight with \
            {"canaryWeight": N} moves the split, GET /metrics serves Prometheus text. The endpoint binds to \
            loopback; on another address it needs a token (--admin-token or TURNOUT_ADMIN_TOKEN) sent as \
            `Authorization: Bearer TOKEN`. Stops on SIGINT or SIGTERM, letting in-flight requests finish. \
            See docs/proxy.md.
            """
    )

    @Option(help: "HOST:PORT to accept clients on (loopback unless told otherwise).")
    var listen: String = "127.0.0.1:8080"

    @Option(name: .customLong("backend"), parsing: .singleValue, help: "ADDR[,ADDR...]=WEIGHT; first stable, second canary (repeatable).")
    var backends: [String] = []

    @Option(help: "Event loop threads (default: one per core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("header-route"), parsing: .singleValue, help: "NAME:VALUE=BACKEND; exact header match to the canary (repeatable).")
    var headerRoutes: [String] = []

    @Option(help: "HOST:PORT of the admin endpoint (off unless given).")
    var admin: String?

    @Option(name: .customLong("admin-token"), help: "Bearer token for the admin endpoint (default $TURNOUT_ADMIN_TOKEN).")
    var adminToken: String?

    @Option(name: .customLong("health-path"), help: "Health-check every backend with GET PATH; a backend gets traffic once it passes.")
    var healthPath: String?

    @Option(name: .customLong("health-interval"), help: "Milliseconds between health checks.")
    var healthIntervalMilliseconds: Int = 2_000

    @Option(name: .customLong("drain-timeout"), help: "Seconds in-flight requests to a removed backend may take.")
    var drainTimeoutSeconds: Double = 30

    @Option(name: .customLong("max-body-bytes"), help: "Refuse request bodies larger than this with 413 (default: no limit).")
    var maxBodyBytes: Int?

    @Flag(name: .customLong("trust-forwarded-headers"), help: "Append to clients' X-Forwarded-* headers instead of replacing them.")
    var trustForwardedHeaders = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    private var options: StandaloneOptions {
        var options = StandaloneOptions()
        options.listen = listen
        options.backends = backends
        options.threads = threads
        options.headerRoutes = headerRoutes
        options.admin = admin
        options.adminToken = adminToken ?? ProcessInfo.processInfo.environment["TURNOUT_ADMIN_TOKEN"]
        options.healthPath = healthPath
        options.healthInterval = .milliseconds(healthIntervalMilliseconds)
        options.drainTimeout = .milliseconds(Int(drainTimeoutSeconds * 1_000))
        options.maxBodyBytes = maxBodyBytes
        options.trustForwardedHeaders = trustForwardedHeaders
        options.logLevel = logLevel
        return options
    }

    func validate() throws {
        if let problem = options.problem() { throw ValidationError(problem) }
        do {
            _ = try options.routeTable()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        try await StandaloneProxy.run(options, ready: { banner in
            FileHandle.standardOutput.write(Data((banner + "\n").utf8))
        }, until: {
            _ = await TerminationSignal.wait()
        })
    }
}
