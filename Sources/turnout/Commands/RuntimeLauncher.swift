import Foundation
import Logging
import AsyncHTTPClient
import TurnoutLocal
import TurnoutProviders
import TurnoutProxy
import TurnoutRuntime

/// Starts the single-host runtime the way `turnout up` and `turnout demo` do.
enum RuntimeLauncher {
    /// This executable's path, which runs the demo app image (`turnout demo-app`).
    static var turnoutBinary: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// A logger writing to stderr at `level` (`info` when the name is unknown).
    static func logger(level: String) -> Logger {
        var logger = Logger(label: "turnout")
        logger.logLevel = Logger.Level(rawValue: level) ?? .info
        return logger
    }

    /// The runtime configuration for a state directory and an ingress address.
    static func configuration(stateDirectory: URL, ingress: String, stopsReplicasOnShutdown: Bool, logger: Logger) throws -> LocalRuntimeConfiguration {
        guard let ingressAddress = ListenerConfiguration(name: RouteTableBuilder.ingressListener, parsing: ingress) else {
            throw RuntimeLauncherError.badAddress(ingress)
        }
        return LocalRuntimeConfiguration(
            stateDirectory: stateDirectory,
            turnoutBinary: turnoutBinary,
            ingressAddress: ingressAddress,
            stopsReplicasOnShutdown: stopsReplicasOnShutdown,
            metricProviders: { proxy in
                StandardMetricProviders.make(proxyMetrics: { await proxy.metrics() }, httpClient: .shared, clock: SystemClock(), logger: logger)
            }
        )
    }
}

/// Why the runtime could not be configured.
enum RuntimeLauncherError: Error, CustomStringConvertible {
    /// An address that is not `HOST:PORT`.
    case badAddress(String)

    var description: String {
        switch self {
        case .badAddress(let text): return "'\(text)' is not an address; write HOST:PORT, e.g. 127.0.0.1:8080"
        }
    }
}
