import Testing
import TurnoutService

@Suite("APIEndpoint")
struct APIEndpointTests {
    @Test func onlyHealthIsOpen() {
        #expect(APIEndpoint.all.filter { !$0.requiresToken } == [.health])
        #expect(APIEndpoint.operate(.setImage).path == "/api/v1/rollouts/{name}/set-image")
        #expect(APIEndpoint.deleteObject.pathParameters == ["kind", "name"])
    }
}
