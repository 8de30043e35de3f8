/// What the API server serves: its groups and versions, and each version's resources; fetched once and
/// cached until `invalidate()` (after installing CRDs, say).
///
/// Callers use it to pick versions: `discovery.k8s.io/v1beta1` EndpointSlices on Kubernetes 1.20, `v1` on 1.21+.
public actor APIDiscovery {
    private let client: KubernetesClient
    private var groups: [String: APIGroup]?
    private var pendingGroups: Task<[String: APIGroup], any Error>?
    private var resources: [String: [APIResource]] = [:]

    /// Creates a discovery cache over a client.
    public init(client: KubernetesClient) {
        self.client = client
    }

    /// Every served group (the core group with name `""` first), by name.
    public func servedGroups() async throws -> [String: APIGroup] {
        if let groups { return groups }
        if let pendingGroups { return try await pendingGroups.value }
        let client = self.client
        let task = Task { try await Self.fetchGroups(client) }
        pendingGroups = task
        defer { pendingGroups = nil }
        let fetched = try await task.value
        groups = fetched
        return fetched
    }

    /// The versions of `group` the server serves, most preferred first; empty when the group is not served.
    public func servedVersions(of group: String) async throws -> [String] {
        try await servedGroups()[group]?.versions.map(\.version) ?? []
    }

    /// The first of `candidates` (in the caller's order) that the server serves for `group`.
    public func firstServedVersion(of group: String, among candidates: [String]) async throws -> String? {
        let served = Set(try await servedVersions(of: group))
        return candidates.first { served.contains($0) }
    }

    /// `resource` at the first of `versions` its group serves (`[v1, v1beta1]`), or `nil` if none is served.
    public func resolve(_ resource: ResourceType, preferring versions: [String]) async throws -> ResourceType? {
        try await firstServedVersion(of: resource.group, among: versions).map { resource.at(version: $0) }
    }

    /// The resources one group version serves (subresources appear as `plural/subresource`).
    public func resources(group: String, version: String) async throws -> [APIResource] {
        let groupVersion = group.isEmpty ? version : "\(group)/\(version)"
        if let cached = resources[groupVersion] { return cached }
        let path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        let action = KubernetesAction(verb: "discover", target: path)
        let list = try await client.send(
            KubernetesClient.Request(method: .GET, path: path, action: action), as: APIResourceList.self)
        let fetched = list.resources ?? []
        resources[groupVersion] = fetched
        return fetched
    }

    /// Forgets everything fetched, so the next question asks the server again.
    public func invalidate() {
        groups = nil
        resources = [:]
    }

    private static func fetchGroups(_ client: KubernetesClient) async throws -> [String: APIGroup] {
        let core = try await client.send(
            KubernetesClient.Request(method: .GET, path: "/api", action: KubernetesAction(verb: "discover", target: "/api")),
            as: APIVersions.self)
        let named = try await client.send(
            KubernetesClient.Request(method: .GET, path: "/apis", action: KubernetesAction(verb: "discover", target: "/apis")),
            as: APIGroupList.self)
        var groups: [String: APIGroup] = [:]
        let coreVersions = core.versions.map { APIGroup.GroupVersion(groupVersion: $0, version: $0) }
        groups[""] = APIGroup(name: "", versions: coreVersions, preferredVersion: coreVersions.first)
        for group in named.groups ?? [] { groups[group.name] = group }
        return groups
    }
}
