import Foundation
import Logging
import NIOHTTP1

/// One admin response: status, content type and body.
struct AdminResponse: Sendable {
    var status: HTTPResponseStatus
    var contentType: String
    var body: String

    static func json<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) -> AdminResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return AdminResponse(status: status, contentType: "application/json", body: String(decoding: data, as: UTF8.self) + "\n")
    }

    static func error(_ status: HTTPResponseStatus, _ message: String) -> AdminResponse {
        json(["error": message], status: status)
    }
}

/// Carries out admin actions against the proxy; the HTTP handler only parses and writes.
struct AdminAPI: Sendable {
    let proxy: ProxyServer
    let token: String?
    let logger: Logger

    /// Answers one request.
    func respond(method: String, uri: String, authorization: String?, body: Data) async -> AdminResponse {
        let action = AdminAction(method: method, path: uri)
        if action.needsToken && !AdminAuthorization.isAuthorized(header: authorization, token: token) {
            return .error(.unauthorized, "missing or wrong bearer token")
        }
        switch action {
        case .health:
            return AdminResponse(status: .ok, contentType: "text/plain", body: "ok\n")
        case .showRoutes:
            return .json(ObservedRoutes(routes: proxy.observedRoutes()))
        case .showMetrics:
            return AdminResponse(status: .ok, contentType: PrometheusExposition.contentType, body: await proxy.prometheusText())
        case .replaceRoutes:
            do {
                let table = try JSONDecoder().decode(RouteTable.self, from: body)
                return .json(ObservedRoutes(routes: try await proxy.install(table)))
            } catch let error as DecodingError {
                return .error(.badRequest, "decode route table: \(Self.describe(error))")
            } catch {
                return .error(.badRequest, "\(error)")
            }
        case .setWeight(let name):
            do {
                let change = try JSONDecoder().decode(WeightChange.self, from: body)
                guard var table = proxy.routeTable, let index = table.routes.firstIndex(where: { $0.name == name }) else {
                    return .error(.notFound, "set weight of route \(name): no such route")
                }
                table.routes[index].split.canaryWeight = change.canaryWeight
                logger.info("weight change", metadata: ["route.name": "\(name)", "route.canaryWeight": "\(change.canaryWeight)"])
                return .json(ObservedRoutes(routes: try await proxy.install(table)))
            } catch let error as DecodingError {
                return .error(.badRequest, "decode weight change: \(Self.describe(error)); send {\"canaryWeight\": N}")
            } catch {
                return .error(.badRequest, "\(error)")
            }
        case .methodNotAllowed(let allowed):
            return .error(.methodNotAllowed, "use \(allowed)")
        case .notFound:
            return .error(.notFound, "no such endpoint; try GET /routes, PUT /routes, PUT /routes/NAME/weight, GET /metrics")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
