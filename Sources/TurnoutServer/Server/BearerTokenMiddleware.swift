import Hummingbird
import TurnoutService

/// Demands `Authorization: Bearer TOKEN` on every route but `/healthz` when a token is configured.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// The expected token; `nil` lets every request through.
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token, request.uri.path != APIEndpoint.health.path else {
            return try await next(request, context)
        }
        guard let header = request.headers[.authorization], Self.matches(header: header, token: token) else {
            let message = request.headers[.authorization] == nil
                ? "\(request.method) \(request.uri.path): send Authorization: Bearer TOKEN (the token turnout up was given)"
                : "\(request.method) \(request.uri.path): the bearer token is wrong"
            var response = APIResponse.error(message, status: .unauthorized)
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        return try await next(request, context)
    }

    /// Whether `Bearer X` carries the token, compared in constant time for equal lengths.
    static func matches(header: String, token: String) -> Bool {
        let scheme = "bearer "
        guard header.count > scheme.count, header.prefix(scheme.count).lowercased() == scheme else { return false }
        let offered = Array(header.dropFirst(scheme.count).utf8)
        let expected = Array(token.utf8)
        guard offered.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices {
            difference |= offered[index] ^ expected[index]
        }
        return difference == 0
    }
}
