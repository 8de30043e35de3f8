import Foundation
import KubernetesClient
import TurnoutCore
import TurnoutRuntime
import TurnoutService

/// The CLI's runtime on a cluster: every `RuntimeService` operation as requests to the API server, in one
/// namespace, for the Rollouts of one group. Reads go straight to the API server (a handful of requests in
/// parallel, no informers), operations write the same spec and status fields the controller acts on.
public struct ClusterRuntime: RuntimeService {
    /// The API server.
    public let client: KubernetesClient
    /// The namespace every command works in.
    public let namespace: String
    /// The group's resources.
    public let resources: ClusterResources
    /// The time, for operations that record it.
    public let clock: any InstantClock

    /// The field manager of the CLI's server-side applies.
    public static let fieldManager = "turnout-cli"

    /// Creates the runtime.
    public init(client: KubernetesClient, namespace: String, group: TurnoutCore.APIGroup, clock: any InstantClock = SystemClock()) {
        self.client = client
        self.namespace = namespace
        resources = ClusterResources(group: group)
        self.clock = clock
    }

    /// The group a cluster serves Rollouts of: Turnout's own when its CRDs are installed, else Argo's.
    public static func servedGroup(client: KubernetesClient) async -> TurnoutCore.APIGroup {
        let discovery = APIDiscovery(client: client)
        if (try? await discovery.firstServedVersion(of: TurnoutCore.APIGroup.turnout.rawValue, among: ["v1alpha1"])) != nil { return .turnout }
        if (try? await discovery.firstServedVersion(of: TurnoutCore.APIGroup.argo.rawValue, among: ["v1alpha1"])) != nil { return .argo }
        return .turnout
    }

    /// Runs `body` with a runtime on the configured cluster and namespace, for `group`'s Rollouts (`nil`: the
    /// group the cluster serves), closing the connections afterwards, also when `body` throws.
    public static func with<Result>(configuration: ClientConfiguration, group: TurnoutCore.APIGroup? = nil, _ body: (ClusterRuntime) async throws -> Result) async throws -> Result {
        let client = try KubernetesClient(configuration: configuration)
        do {
            let group = if let group { group } else { await servedGroup(client: client) }
            let result = try await body(ClusterRuntime(client: client, namespace: configuration.namespace, group: group))
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    // MARK: Apply and delete

    /// What a cluster checks of manifests beyond the linter: the routers the controller cannot carry out, and
    /// where `builtin` and `judge` metrics come from there.
    public static func checks(_ set: ManifestSet) -> [Diagnostic] {
        ClusterRoutingChecks.diagnostics(set) + ClusterAnalysisChecks.diagnostics(set)
    }

    /// Lints every file together (with the cluster's own `checks`); then applies every object with a server-side
    /// dry run, and only when all pass, for real (server-side apply by `turnout-cli`, so fields the controller
    /// owns, such as a Service's revision selector, are kept). The API server has no transactions: a failure in
    /// the real pass names what was applied.
    public func apply(_ request: ApplyRequest) async throws(RuntimeServiceError) -> ApplyResponse {
        try await serving("apply") {
            let linted = LintedManifests(texts: request.files.map { (file: $0.file, text: $0.manifest) }, checks: Self.checks)
            let errors = linted.errors
            guard errors.isEmpty else {
                throw RuntimeServiceError.invalidManifest(
                    "apply rejected: \(errors.count) error(s) in \(Set(errors.map(\.location.file)).sorted().joined(separator: ", ")); nothing was sent to the cluster",
                    diagnostics: linted.diagnostics)
            }
            let documents = linted.set.documents
            guard !documents.isEmpty else { throw RuntimeServiceError.invalidRequest("apply: the files hold no objects") }
            var planned: [(object: ManifestObject, resource: ResourceType, body: KubernetesJSON, existed: Bool)] = []
            for document in documents {
                let object = document.object
                guard let resource = try await resource(for: object) else {
                    throw RuntimeServiceError.invalidRequest("apply \(object.reference): the cluster serves no such kind; install its CRD first")
                }
                let body = PortProtocolDefaults.filled(try ClusterManifest.object(for: object, namespace: namespace))
                let name = body[path: ["metadata", "name"]]?.stringValue ?? ""
                let existed: Bool
                do {
                    let _: KubernetesJSON = try await client.get(resource, namespace: namespace, name: name)
                    existed = true
                } catch KubernetesError.notFound {
                    existed = false
                }
                planned.append((object, resource, body, existed))
            }
            for entry in planned {
                do {
                    try await serverSideApply(entry.body, to: entry.resource, dryRun: true)
                } catch {
                    throw RuntimeServiceError.invalidRequest("apply rejected by the API server (dry run): \(entry.object.reference): \(error); nothing was changed")
                }
            }
            var outcomes: [AppliedObject] = []
            for entry in planned {
                do {
                    try await serverSideApply(entry.body, to: entry.resource, dryRun: false)
                } catch {
                    let applied = outcomes.map { "\($0.kind)/\($0.name)" }.joined(separator: ", ")
                    throw RuntimeServiceError.failed("apply \(entry.object.reference): \(error); applied before it: \(applied.isEmpty ? "nothing" : applied)")
                }
                let name = entry.body[path: ["metadata", "name"]]?.stringValue ?? ""
                outcomes.append(AppliedObject(kind: Self.kind(of: entry.object), name: name, result: entry.existed ? "configured" : "created"))
            }
            return ApplyResponse(outcomes: outcomes, warnings: linted.diagnostics, listeners: try await serviceListeners())
        }
    }

    /// Deletes an object by kind (aliases accepted) and name; a deleted Rollout's ReplicaSets and AnalysisRuns
    /// go with it (garbage collection of what it owns).
    public func delete(kind: String, name: String) async throws(RuntimeServiceError) -> DeleteResponse {
        let kind = ObjectKind.canonical(kind)
        return try await serving("delete \(kind)/\(name)") {
            guard let resource = resource(forKind: kind) else {
                throw RuntimeServiceError.invalidRequest("delete \(kind)/\(name): unknown kind; use kubectl for it")
            }
            do {
                try await client.delete(resource, namespace: namespace, name: name, options: DeleteOptions(propagationPolicy: .background))
            } catch KubernetesError.notFound {
                throw RuntimeServiceError.notFound("delete \(kind)/\(name): no such object in namespace \(namespace)")
            }
            return DeleteResponse(kind: kind, name: name)
        }
    }

    /// Where every Service of the namespace accepts traffic inside the cluster.
    public func listeners() async throws(RuntimeServiceError) -> [ListenerView] {
        try await serving("list services") { try await serviceListeners() }
    }

    // MARK: Helpers

    private func serverSideApply(_ body: KubernetesJSON, to resource: ResourceType, dryRun: Bool) async throws {
        let name = body[path: ["metadata", "name"]]?.stringValue ?? ""
        let _: KubernetesJSON = try await client.patch(
            resource, namespace: resource.isNamespaced ? namespace : nil, name: name, .apply(body),
            options: WriteOptions(dryRun: dryRun, fieldManager: Self.fieldManager, force: true))
    }

    /// The resource of a manifest object: the known kinds directly, others through discovery.
    private func resource(for object: ManifestObject) async throws -> ResourceType? {
        if let known = ClusterManifest.resource(for: object) { return known }
        guard case .other(let other) = object else { return nil }
        let parts = other.apiVersion.split(separator: "/").map(String.init)
        let (group, version) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts.first ?? "v1")
        let listed = try await APIDiscovery(client: client).resources(group: group, version: version)
        guard let entry = listed.first(where: { $0.kind == other.kind && !$0.name.contains("/") }) else { return nil }
        return ResourceType(group: group, version: version, plural: entry.name, namespaced: entry.namespaced)
    }

    /// The resource of a kind people name in `delete`.
    func resource(forKind kind: String) -> ResourceType? {
        switch kind {
        case "Rollout": return resources.rollouts
        case "AnalysisRun": return resources.analysisRuns
        case "AnalysisTemplate": return resources.analysisTemplates
        case "ClusterAnalysisTemplate": return resources.clusterAnalysisTemplates
        case "Service": return .services
        case "ReplicaSet": return .replicaSets
        case "Deployment": return .deployments
        case "ConfigMap": return .configMaps
        case "Secret": return .secrets
        default: return nil
        }
    }

    static func kind(of object: ManifestObject) -> String {
        switch object {
        case .rollout: return "Rollout"
        case .analysisTemplate(let template): return template.kind
        case .analysisRun: return "AnalysisRun"
        case .other(let other): return other.kind
        }
    }

    func serviceListeners() async throws -> [ListenerView] {
        try await client.listAll(.services, namespace: namespace, as: Service.self).items.flatMap { service in
            (service.spec?.ports ?? []).prefix(1).map { port in
                ListenerView(name: "service/\(service.metadata.name ?? "")", address: "\(service.spec?.clusterIP ?? "none"):\(port.port)")
            }
        }
    }

    /// Runs a request, turning any failure into a `RuntimeServiceError` naming the action.
    func serving<T>(_ action: String, _ body: () async throws -> T) async throws(RuntimeServiceError) -> T {
        do {
            return try await body()
        } catch let error as RuntimeServiceError {
            throw error
        } catch let error as KubernetesError {
            switch error {
            case .notFound: throw .notFound("\(action): \(error)")
            case .conflict: throw .conflict("\(action): \(error)")
            case .invalid, .badRequest: throw .invalidRequest("\(action): \(error)")
            default: throw .failed("\(action): \(error)")
            }
        } catch {
            throw .failed("\(action): \(error)")
        }
    }
}
