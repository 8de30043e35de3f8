import Logging
import TurnoutClient
import TurnoutServer
import TurnoutService

/// Runs `body` against a real server on 127.0.0.1:0 and a real client, and stops both afterwards.
@discardableResult
package func withLiveServer<Result>(
    service: FakeRuntimeService = FakeRuntimeService(views: [RolloutFixtures.canary, RolloutFixtures.blueGreen], runs: [RolloutFixtures.analysisRun]),
    token: String? = nil,
    clientToken: String? = nil,
    keepAlive: Duration = .seconds(15),
    _ body: (RunningAPIServer, APIClient, FakeRuntimeService) async throws -> Result
) async throws -> Result {
    var logger = Logger(label: "turnout.api.test")
    logger.logLevel = .warning
    let configuration = APIServerConfiguration(host: "127.0.0.1", port: 0, token: token, keepAliveInterval: keepAlive)
    let server = try await APIServer(service: service, configuration: configuration, logger: logger).start()
    let client = APIClient(baseURL: server.url, token: clientToken ?? token)
    do {
        let result = try await body(server, client, service)
        await client.shutdown()
        await server.shutdown()
        return result
    } catch {
        await client.shutdown()
        await server.shutdown()
        throw error
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
package func eventually(timeout: Duration = .seconds(5), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
