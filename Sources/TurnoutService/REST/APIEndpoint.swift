/// One route of the REST API over a `RuntimeService`: the server serves exactly these, the client calls them and
/// `/openapi.json` describes them.
public enum APIEndpoint: Sendable, Hashable {
    /// `GET /healthz`: liveness, open without a token.
    case health
    /// `GET /openapi.json`: this API described as OpenAPI 3.1.
    case openAPI
    /// `POST /api/v1/apply`: lint and apply manifests.
    case apply
    /// `GET /api/v1/rollouts`: one summary per rollout.
    case listRollouts
    /// `GET /api/v1/rollouts/{name}`: everything about one rollout.
    case getRollout
    /// `POST /api/v1/rollouts/{name}/{operation}`: promote, abort, and the other operations.
    case operate(RolloutOperationName)
    /// `GET /api/v1/rollouts/{name}/watch`: the rollout's view as server-sent events.
    case watchRollout
    /// `GET /api/v1/rollouts/{name}/events`: the rollout's events.
    case rolloutEvents
    /// `GET /api/v1/rollouts/{name}/logs`: log lines of the rollout's replicas.
    case rolloutLogs
    /// `DELETE /api/v1/rollouts/{name}`: delete a rollout.
    case deleteRollout
    /// `DELETE /api/v1/objects/{kind}/{name}`: delete an object of any kind.
    case deleteObject
    /// `GET /api/v1/analysisruns/{name}`: one analysis run with its measurements.
    case getAnalysisRun
    /// `POST /api/v1/analysisruns/{name}/terminate`: stop an analysis run, keeping its measurements.
    case terminateAnalysisRun
    /// `GET /api/v1/listeners`: where Services and the ingress listen.
    case listListeners

    /// Every endpoint, in the order the OpenAPI document lists them.
    public static let all: [APIEndpoint] = [.health, .openAPI, .apply, .listRollouts, .getRollout]
        + RolloutOperationName.allCases.map(APIEndpoint.operate)
        + [.watchRollout, .rolloutEvents, .rolloutLogs, .deleteRollout, .deleteObject, .getAnalysisRun, .terminateAnalysisRun, .listListeners]

    /// The API version prefix.
    public static let prefix = "/api/v1"

    /// The HTTP method.
    public var method: String {
        switch self {
        case .health, .openAPI, .listRollouts, .getRollout, .watchRollout, .rolloutEvents, .rolloutLogs, .getAnalysisRun, .listListeners:
            return "GET"
        case .apply, .operate, .terminateAnalysisRun:
            return "POST"
        case .deleteRollout, .deleteObject:
            return "DELETE"
        }
    }

    /// The path template with `{parameter}` placeholders.
    public var path: String {
        let prefix = Self.prefix
        switch self {
        case .health: return "/healthz"
        case .openAPI: return "/openapi.json"
        case .apply: return "\(prefix)/apply"
        case .listRollouts: return "\(prefix)/rollouts"
        case .getRollout, .deleteRollout: return "\(prefix)/rollouts/{name}"
        case .operate(let operation): return "\(prefix)/rollouts/{name}/\(operation.rawValue)"
        case .watchRollout: return "\(prefix)/rollouts/{name}/watch"
        case .rolloutEvents: return "\(prefix)/rollouts/{name}/events"
        case .rolloutLogs: return "\(prefix)/rollouts/{name}/logs"
        case .deleteObject: return "\(prefix)/objects/{kind}/{name}"
        case .getAnalysisRun: return "\(prefix)/analysisruns/{name}"
        case .terminateAnalysisRun: return "\(prefix)/analysisruns/{name}/terminate"
        case .listListeners: return "\(prefix)/listeners"
        }
    }

    /// Whether a configured token must be sent (everything but `/healthz`).
    public var requiresToken: Bool {
        switch self {
        case .health: return false
        case .openAPI, .apply, .listRollouts, .getRollout, .operate, .watchRollout, .rolloutEvents, .rolloutLogs,
             .deleteRollout, .deleteObject, .getAnalysisRun, .terminateAnalysisRun, .listListeners:
            return true
        }
    }

    /// The OpenAPI `operationId`.
    public var operationID: String {
        switch self {
        case .health: return "health"
        case .openAPI: return "openAPI"
        case .apply: return "apply"
        case .listRollouts: return "listRollouts"
        case .getRollout: return "getRollout"
        case .operate(let operation):
            return operation.rawValue.split(separator: "-").enumerated()
                .map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }
                .joined() + "Rollout"
        case .watchRollout: return "watchRollout"
        case .rolloutEvents: return "listRolloutEvents"
        case .rolloutLogs: return "getRolloutLogs"
        case .deleteRollout: return "deleteRollout"
        case .deleteObject: return "deleteObject"
        case .getAnalysisRun: return "getAnalysisRun"
        case .terminateAnalysisRun: return "terminateAnalysisRun"
        case .listListeners: return "listListeners"
        }
    }

    /// A one-line summary for the OpenAPI document.
    public var summary: String {
        switch self {
        case .health: return "Liveness: answers ok (no token needed)."
        case .openAPI: return "This API as an OpenAPI 3.1 document."
        case .apply: return "Lint and apply manifest files, all or nothing."
        case .listRollouts: return "One summary per rollout, by name."
        case .getRollout: return "Everything known about one rollout."
        case .operate(let operation): return Self.summary(of: operation)
        case .watchRollout: return "The rollout's view now and after every change, as server-sent events."
        case .rolloutEvents: return "The rollout's events, oldest first."
        case .rolloutLogs: return "The last log lines of the rollout's replicas."
        case .deleteRollout: return "Delete a rollout, stopping its processes."
        case .deleteObject: return "Delete an object of any kind (Rollout, Service, Ingress, AnalysisTemplate...)."
        case .getAnalysisRun: return "One analysis run with all its kept measurements."
        case .terminateAnalysisRun: return "Stop an analysis run, keeping its measurements; one that has not failed ends Successful."
        case .listListeners: return "Where every Service and the ingress listener accept traffic."
        }
    }

    private static func summary(of operation: RolloutOperationName) -> String {
        switch operation {
        case .promote: return "Promote: go to the next step, or with full=true skip all steps and analysis."
        case .abort: return "Abort the update: traffic back to stable."
        case .retry: return "Retry an aborted update."
        case .undo: return "Roll back to the previous revision, or to toRevision."
        case .pause: return "Pause the rollout."
        case .resume: return "Resume a paused rollout."
        case .restart: return "Restart every replica, one at a time."
        case .setImage: return "Set a container's image, starting an update."
        }
    }

    /// The names of the `{parameter}` placeholders in the path, in order.
    public var pathParameters: [String] {
        path.split(separator: "/").compactMap { component in
            guard component.hasPrefix("{"), component.hasSuffix("}") else { return nil }
            return String(component.dropFirst().dropLast())
        }
    }
}
