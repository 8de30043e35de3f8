import Foundation
import Hummingbird
import TurnoutService

extension APIServer {
    /// The largest request body read (manifests included).
    static let maximumBodyBytes = 8 * 1024 * 1024
    /// Log lines returned when `lines` is not given.
    static let defaultLogLines = 100

    func respond(to endpoint: APIEndpoint, request: Request, context: BasicRequestContext) async throws -> Response {
        do {
            return try await dispatch(endpoint, request: request, context: context)
        } catch let error as RuntimeServiceError {
            return APIResponse.error(error)
        }
    }

    private func dispatch(_ endpoint: APIEndpoint, request: Request, context: BasicRequestContext) async throws -> Response {
        switch endpoint {
        case .health:
            return APIResponse.text("ok\n")
        case .openAPI:
            return APIResponse.json(OpenAPIDocument.make())
        case .apply:
            let body = try await decode(ApplyRequest.self, from: request, action: "apply")
            return APIResponse.json(try await service.apply(body))
        case .listRollouts:
            return APIResponse.json(try await service.rollouts())
        case .getRollout:
            return APIResponse.json(try await service.rollout(named: try name(context)))
        case .operate(let operation):
            let name = try name(context)
            let body = try await decodeOptional(OperationRequest.self, from: request, action: "\(operation.rawValue) rollout \(name)")
            return APIResponse.json(try await service.perform(operation, onRollout: name, body ?? OperationRequest()))
        case .watchRollout:
            return try await watch(rolloutNamed: try name(context))
        case .rolloutEvents:
            let name = try name(context)
            let limit = try integer("limit", in: request, action: "list events of rollout \(name)")
            return APIResponse.json(try await service.events(ofRollout: name, limit: limit))
        case .rolloutLogs:
            let name = try name(context)
            let action = "read logs of rollout \(name)"
            let revision = try integer("revision", in: request, action: action)
            let lines = try integer("lines", in: request, action: action) ?? Self.defaultLogLines
            return APIResponse.json(try await service.logs(ofRollout: name, revision: revision, lines: lines))
        case .deleteRollout:
            return APIResponse.json(try await service.delete(kind: "Rollout", name: try name(context)))
        case .deleteObject:
            let kind = Self.decoded(try context.parameters.require("kind"))
            return APIResponse.json(try await service.delete(kind: kind, name: try name(context)))
        case .getAnalysisRun:
            return APIResponse.json(try await service.analysisRun(named: try name(context)))
        case .terminateAnalysisRun:
            return APIResponse.json(try await service.terminateAnalysisRun(named: try name(context)))
        case .listListeners:
            return APIResponse.json(try await service.listeners())
        }
    }

    private func name(_ context: BasicRequestContext) throws -> String {
        Self.decoded(try context.parameters.require("name"))
    }

    /// A path parameter with its percent-escapes decoded.
    static func decoded(_ parameter: String) -> String {
        parameter.removingPercentEncoding ?? parameter
    }

    private func integer(_ parameter: String, in request: Request, action: String) throws(RuntimeServiceError) -> Int? {
        guard let text = request.uri.queryParameters.get(parameter) else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw .invalidRequest("\(action): query parameter \(parameter) must be a whole number ≥ 0, got \"\(text)\"")
        }
        return value
    }

    private func decode<Body: Decodable>(_ type: Body.Type, from request: Request, action: String) async throws -> Body {
        guard let body = try await decodeOptional(type, from: request, action: action) else {
            throw RuntimeServiceError.invalidRequest("\(action): the request has no JSON body")
        }
        return body
    }

    /// Decodes the JSON body; `nil` when the body is empty.
    private func decodeOptional<Body: Decodable>(_ type: Body.Type, from request: Request, action: String) async throws -> Body? {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.maximumBodyBytes)
        } catch {
            throw RuntimeServiceError.invalidRequest("\(action): the body is larger than \(Self.maximumBodyBytes) bytes")
        }
        let data = Data(buffer.readableBytesView)
        guard !data.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) else {
            return nil
        }
        do {
            return try JSONDecoder().decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw RuntimeServiceError.invalidRequest("\(action): \(JSONBodyProblem.describe(error))")
        }
    }
}
