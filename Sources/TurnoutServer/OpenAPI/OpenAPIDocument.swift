import TurnoutCore
import TurnoutService

/// The OpenAPI 3.1 document served at `/openapi.json`, built from `APIEndpoint.all`.
public enum OpenAPIDocument {
    /// The document as a JSON value.
    public static func make() -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for endpoint in APIEndpoint.all {
            var item = paths[endpoint.path]?.objectValue ?? [:]
            item[endpoint.method.lowercased()] = operation(endpoint)
            paths[endpoint.path] = .object(item)
        }
        return .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string("Turnout local API"),
                "version": .string("1"),
                "description": .string("The single-host runtime of `turnout up`: apply manifests, inspect and operate rollouts. Every route but /healthz needs `Authorization: Bearer TOKEN` when the daemon has a token. Errors answer with an ErrorResponse body."),
            ]),
            "paths": .object(paths),
            "components": .object([
                "schemas": .object(OpenAPISchemas.all),
                "securitySchemes": .object(["bearer": .object(["type": .string("http"), "scheme": .string("bearer")])]),
            ]),
        ])
    }

    private static func operation(_ endpoint: APIEndpoint) -> JSONValue {
        var operation: [String: JSONValue] = [
            "operationId": .string(endpoint.operationID),
            "summary": .string(endpoint.summary),
            "responses": .object(responses(endpoint)),
        ]
        var parameters: [JSONValue] = endpoint.pathParameters.map { name in
            .object(["name": .string(name), "in": .string("path"), "required": .bool(true), "schema": .object(["type": .string("string")])])
        }
        for (name, description) in queryParameters(endpoint) {
            parameters.append(.object([
                "name": .string(name), "in": .string("query"), "required": .bool(false), "description": .string(description),
                "schema": .object(["type": .string("integer"), "minimum": .int(0)]),
            ]))
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body = requestSchema(endpoint) {
            operation["requestBody"] = .object([
                "required": .bool(endpoint == .apply),
                "content": .object(["application/json": .object(["schema": reference(body)])]),
            ])
        }
        operation["security"] = endpoint.requiresToken ? .array([.object(["bearer": .array([])]), .object([:])]) : .array([])
        return .object(operation)
    }

    private static func responses(_ endpoint: APIEndpoint) -> [String: JSONValue] {
        var responses: [String: JSONValue] = ["200": success(endpoint)]
        if endpoint.requiresToken {
            responses["401"] = errorResponse("The token is missing or wrong.")
        }
        switch endpoint {
        case .health, .openAPI, .listRollouts, .listListeners:
            break
        case .apply:
            responses["400"] = errorResponse("The body is not an ApplyRequest.")
            responses["422"] = errorResponse("The manifests have errors (diagnostics); nothing was applied.")
            responses["409"] = errorResponse("Someone else changed an object meanwhile.")
        case .getRollout, .watchRollout, .rolloutEvents, .rolloutLogs, .deleteRollout, .deleteObject, .getAnalysisRun, .terminateAnalysisRun:
            responses["404"] = errorResponse("No such object.")
        case .operate:
            responses["400"] = errorResponse("The operation does not apply now, or the body lacks what it needs.")
            responses["404"] = errorResponse("No such rollout.")
            responses["409"] = errorResponse("Someone else changed the rollout meanwhile; retrying may succeed.")
        }
        responses["500"] = errorResponse("The runtime failed.")
        return responses
    }

    private static func success(_ endpoint: APIEndpoint) -> JSONValue {
        switch endpoint {
        case .health:
            return content("ok", type: "text/plain", schema: .object(["type": .string("string")]))
        case .openAPI:
            return content("This document.", schema: .object(["type": .string("object")]))
        case .apply:
            return content("What changed, warnings, and listener addresses.", schema: reference("ApplyResponse"))
        case .listRollouts:
            return content("One summary per rollout.", schema: .object(["type": .string("array"), "items": reference("RolloutSummary")]))
        case .getRollout, .operate:
            return content("The rollout afterwards.", schema: reference("RolloutView"))
        case .watchRollout:
            return content(
                "Server-sent events: `event: rollout` with `data:` a RolloutView (one line of JSON) now and after every change; `: keep-alive` comments every 15 s; the stream ends when the rollout is deleted.",
                type: "text/event-stream",
                schema: .object(["type": .string("string")])
            )
        case .rolloutEvents:
            return content("Events, oldest first.", schema: .object(["type": .string("array"), "items": reference("EventView")]))
        case .rolloutLogs:
            return content("Log lines, oldest first.", schema: reference("LogsResponse"))
        case .deleteRollout, .deleteObject:
            return content("The deleted object.", schema: reference("DeleteResponse"))
        case .getAnalysisRun, .terminateAnalysisRun:
            return content("The run with its measurements.", schema: reference("AnalysisRunView"))
        case .listListeners:
            return content("Listeners.", schema: .object(["type": .string("array"), "items": reference("ListenerView")]))
        }
    }

    private static func requestSchema(_ endpoint: APIEndpoint) -> String? {
        switch endpoint {
        case .apply: return "ApplyRequest"
        case .operate: return "OperationRequest"
        case .health, .openAPI, .listRollouts, .getRollout, .watchRollout, .rolloutEvents, .rolloutLogs, .deleteRollout,
             .deleteObject, .getAnalysisRun, .terminateAnalysisRun, .listListeners:
            return nil
        }
    }

    private static func queryParameters(_ endpoint: APIEndpoint) -> [(String, String)] {
        switch endpoint {
        case .rolloutEvents: return [("limit", "Only the newest N events.")]
        case .rolloutLogs: return [("revision", "Only replicas of this revision number."), ("lines", "Lines to return (default 100).")]
        case .health, .openAPI, .apply, .listRollouts, .getRollout, .operate, .watchRollout, .deleteRollout, .deleteObject,
             .getAnalysisRun, .terminateAnalysisRun, .listListeners:
            return []
        }
    }

    private static func content(_ description: String, type: String = "application/json", schema: JSONValue) -> JSONValue {
        .object(["description": .string(description), "content": .object([type: .object(["schema": schema])])])
    }

    private static func errorResponse(_ description: String) -> JSONValue {
        content(description, schema: reference("ErrorResponse"))
    }

    static func reference(_ schema: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(schema)")])
    }
}
