import Hummingbird
import TurnoutService

/// Turns every error a route or the router throws (unknown route, bad parameter) into an `ErrorResponse` body.
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as RuntimeServiceError {
            return APIResponse.error(error)
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound:
                message = "\(request.method) \(request.uri.path): no such route; GET /openapi.json lists every route"
            case .methodNotAllowed:
                message = "\(request.method) \(request.uri.path): method not allowed; GET /openapi.json lists every route"
            default:
                message = "\(request.method) \(request.uri.path): \(error.body ?? error.status.reasonPhrase)"
            }
            return APIResponse.error(message, status: error.status)
        } catch {
            context.logger.error("request failed", metadata: ["api.path": "\(request.uri.path)", "error": "\(error)"])
            return APIResponse.error("\(request.method) \(request.uri.path): \(error)", status: .internalServerError)
        }
    }
}
