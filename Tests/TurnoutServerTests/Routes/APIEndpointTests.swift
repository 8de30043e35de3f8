import Foundation
import Testing
import TurnoutLocal
@testable import TurnoutServer

@Suite("APIEndpoint")
struct APIEndpointTests {
    @Test func everyRouteAnswersSomethingOtherThanNoSuchRoute() async throws {
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

    @Test func onlyHealthIsOpen() {
        #expect(APIEndpoint.all.filter { !$0.requiresToken } == [.health])
        #expect(APIEndpoint.operate(.setImage).path == "/api/v1/rollouts/{name}/set-image")
        #expect(APIEndpoint.deleteObject.pathParameters == ["kind", "name"])
    }
}
