import Foundation
import Logging
import Testing
import TurnoutCore
import TurnoutService
import TurnoutClient
@testable import TurnoutServer
import TurnoutServiceFixtures

@Suite("APIServer")
struct APIServerTests {
    @Test func servesEveryEndpoint() async throws {
        try await withLiveServer { server, _, _ in
            for endpoint in APIEndpoint.all where endpoint != .watchRollout {
                let name = [.getAnalysisRun, .terminateAnalysisRun].contains(endpoint) ? "canary-demo-6cf78c66c5-2" : "canary-demo"
                let path = endpoint.path.replacingOccurrences(of: "{name}", with: name).replacingOccurrences(of: "{kind}", with: "Service")
                let body: String? = endpoint.method == "POST" ? #"{"files":[],"container":"web","image":"x:1"}"# : nil
                let (status, data) = try await rawRequest(endpoint.method, server.url + path, body: body)
                #expect(status == 200, "\(endpoint.method) \(path): \(String(decoding: data, as: UTF8.self))")
            }
        }
    }

    @Test func refusesANonLoopbackAddressWithoutAToken() {
        #expect(throws: APIServerError.tokenRequired(host: "0.0.0.0")) {
            _ = try APIServer(service: FakeRuntimeService(), configuration: APIServerConfiguration(host: "0.0.0.0", port: 0))
        }
        #expect(throws: APIServerError.tokenRequired(host: "0.0.0.0")) {
            _ = try APIServer(service: FakeRuntimeService(), configuration: APIServerConfiguration(host: "0.0.0.0", port: 0, token: ""))
        }
        #expect(throws: Never.self) {
            _ = try APIServer(service: FakeRuntimeService(), configuration: APIServerConfiguration(host: "0.0.0.0", port: 0, token: "s3cret"))
        }
    }

    @Test func reportsTheBoundPort() async throws {
        try await withLiveServer { server, client, _ in
            #expect(server.address.host == "127.0.0.1")
            #expect(server.address.port > 0)
            #expect(server.url == "http://127.0.0.1:\(server.address.port)")
            #expect(await client.isHealthy())
        }
    }

    @Test func runStopsWhenItsTaskIsCancelled() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = try APIServer(service: FakeRuntimeService(), configuration: APIServerConfiguration(host: "127.0.0.1", port: 0), logger: logger)
        let (addresses, continuation) = AsyncStream.makeStream(of: APIServerAddress.self)
        let task = Task { try await server.run { continuation.yield($0) } }
        var iterator = addresses.makeAsyncIterator()
        let address = try #require(await iterator.next())
        let healthy = try await APIClient.with(baseURL: address.url) { await $0.isHealthy() }
        #expect(healthy)
        task.cancel()
        _ = await task.result
        let afterwards = try await APIClient.with(baseURL: address.url) { await $0.isHealthy() }
        #expect(!afterwards)
    }

    @Test func aTakenPortFailsToStart() async throws {
        try await withLiveServer { server, _, _ in
            let second = try APIServer(service: FakeRuntimeService(), configuration: APIServerConfiguration(host: "127.0.0.1", port: server.address.port))
            await #expect(throws: APIServerError.self) { _ = try await second.start() }
        }
    }

    @Test func unknownRoutesAnswer404JSON() async throws {
        try await withLiveServer { server, _, _ in
            let (status, body) = try await rawRequest("GET", server.url + "/api/v1/nothing")
            #expect(status == 404)
            let error = try JSONDecoder().decode(ErrorResponse.self, from: body)
            #expect(error.error.contains("/api/v1/nothing"))
        }
    }

    @Test func badJSONIsA400NamingTheField() async throws {
        try await withLiveServer { server, _, _ in
            let (status, body) = try await rawRequest("POST", server.url + "/api/v1/apply", body: #"{"files":[{"file":"a.yaml","manifest":7}]}"#)
            #expect(status == 400)
            let error = try JSONDecoder().decode(ErrorResponse.self, from: body)
            #expect(error.error.contains("files[0].manifest"), "\(error.error)")
            let (missingStatus, missingBody) = try await rawRequest("POST", server.url + "/api/v1/apply", body: #"{"files":[{"file":"a.yaml"}]}"#)
            #expect(missingStatus == 400)
            #expect(try JSONDecoder().decode(ErrorResponse.self, from: missingBody).error.contains("files[0].manifest"))
            let (garbageStatus, garbageBody) = try await rawRequest("POST", server.url + "/api/v1/rollouts/canary-demo/promote", body: "{nope")
            #expect(garbageStatus == 400)
            #expect(try JSONDecoder().decode(ErrorResponse.self, from: garbageBody).error.contains("not valid JSON"))
        }
    }

    @Test func badQueryParametersAre400() async throws {
        try await withLiveServer { server, _, _ in
            let (status, body) = try await rawRequest("GET", server.url + "/api/v1/rollouts/canary-demo/logs?lines=many")
            #expect(status == 400)
            #expect(try JSONDecoder().decode(ErrorResponse.self, from: body).error.contains("lines"))
        }
    }

    @Test func operationsWithoutABodyUseDefaults() async throws {
        try await withLiveServer { server, _, service in
            let (status, _) = try await rawRequest("POST", server.url + "/api/v1/rollouts/canary-demo/promote")
            #expect(status == 200)
            let recorded = service.state.withLock { $0.operations.map { "\($0.0.rawValue) \($0.1) \($0.2.full ?? false)" } }
            #expect(recorded == ["promote canary-demo false"])
        }
    }

    @Test func tokenIsRequiredWhenConfigured() async throws {
        try await withLiveServer(token: "s3cret", clientToken: "wrong") { server, client, _ in
            await #expect(throws: RuntimeServiceError.self) { _ = try await client.rollouts() }
            let (missing, body) = try await rawRequest("GET", server.url + "/api/v1/rollouts")
            #expect(missing == 401)
            #expect(try JSONDecoder().decode(ErrorResponse.self, from: body).error.contains("Authorization"))
            let (health, _) = try await rawRequest("GET", server.url + "/healthz")
            #expect(health == 200)
            let (accepted, _) = try await rawRequest("GET", server.url + "/api/v1/rollouts", headers: ["Authorization": "Bearer s3cret"])
            #expect(accepted == 200)
            let (wrong, _) = try await rawRequest("GET", server.url + "/api/v1/rollouts", headers: ["Authorization": "Bearer s3cret2"])
            #expect(wrong == 401)
        }
        try await withLiveServer(token: "s3cret") { _, client, _ in
            let rollouts = try await client.rollouts()
            #expect(rollouts.map(\.name) == ["bg-demo", "canary-demo"])
        }
    }

    @Test func tokenComparison() {
        #expect(BearerTokenMiddleware.matches(header: "Bearer abc", token: "abc"))
        #expect(BearerTokenMiddleware.matches(header: "bearer abc", token: "abc"))
        #expect(!BearerTokenMiddleware.matches(header: "Bearer abd", token: "abc"))
        #expect(!BearerTokenMiddleware.matches(header: "Bearer ab", token: "abc"))
        #expect(!BearerTokenMiddleware.matches(header: "Basic abc", token: "abc"))
        #expect(!BearerTokenMiddleware.matches(header: "Bearer ", token: ""))
    }

    @Test(arguments: [
        ("127.0.0.1:7070", "127.0.0.1", 7070),
        (":9000", "127.0.0.1", 9000),
        ("[::1]:0", "::1", 0),
        ("0.0.0.0:80", "0.0.0.0", 80),
    ])
    func parsesAddresses(text: String, host: String, port: Int) throws {
        let configuration = try APIServerConfiguration(address: text)
        #expect(configuration.host == host)
        #expect(configuration.port == port)
    }

    @Test func rejectsMalformedAddresses() {
        #expect(throws: APIServerError.invalidAddress("7070")) { _ = try APIServerConfiguration(address: "7070") }
        #expect(throws: APIServerError.invalidAddress("host:http")) { _ = try APIServerConfiguration(address: "host:http") }
    }
}
