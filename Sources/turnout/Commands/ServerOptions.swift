import ArgumentParser
import Foundation
import TurnoutLocal
import TurnoutServer

/// `--server` and `--token`: which local runtime a command talks to.
struct ServerOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: "The runtime's API URL (default $TURNOUT_SERVER, else http://127.0.0.1:7070).")
    var server: String?

    @Option(name: .customLong("token"), help: "Bearer token for the API (default $TURNOUT_TOKEN).")
    var token: String?

    /// The URL after flags and environment.
    var resolvedServer: String {
        server ?? ProcessInfo.processInfo.environment["TURNOUT_SERVER"].flatMap { $0.isEmpty ? nil : $0 } ?? APIClient.defaultURL
    }

    /// The token after flags and environment.
    var resolvedToken: String? {
        token ?? ProcessInfo.processInfo.environment["TURNOUT_TOKEN"]
    }

    /// Runs `body` with a client; a `RuntimeServiceError` becomes `error: MESSAGE` (and its diagnostics) on stderr and exit 1.
    func withClient<Result>(_ body: (APIClient) async throws -> Result) async throws -> Result {
        do {
            return try await APIClient.with(baseURL: resolvedServer, token: resolvedToken, body)
        } catch let error as RuntimeServiceError {
            for diagnostic in error.diagnostics { Terminal.writeError(diagnostic.rendered) }
            Terminal.writeError("error: \(error.message)")
            throw ExitCode.failure
        }
    }
}
