/// The `autoscaling/v1` `Scale` of a scalable resource (its `scale` subresource).
public struct Scale: Codable, Sendable, Hashable {
    /// The scaled object's metadata (name, namespace, resourceVersion).
    public var metadata: ObjectMeta
    /// The desired replicas.
    public var spec: Spec
    /// The observed replicas and the selector of the pods counted.
    public var status: Status?

    /// The desired state.
    public struct Spec: Codable, Sendable, Hashable {
        /// Desired replicas.
        public var replicas: Int?
    }

    /// The observed state.
    public struct Status: Codable, Sendable, Hashable {
        /// Observed replicas.
        public var replicas: Int
        /// The label selector (as a string) of the pods counted.
        public var selector: String?
    }

    enum CodingKeys: String, CodingKey { case apiVersion, kind, metadata, spec, status }

    /// Decodes a `Scale`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        spec = try container.decodeIfPresent(Spec.self, forKey: .spec) ?? Spec(replicas: nil)
        status = try container.decodeIfPresent(Status.self, forKey: .status)
    }

    /// Encodes the `Scale` with its `apiVersion` and `kind`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("autoscaling/v1", forKey: .apiVersion)
        try container.encode("Scale", forKey: .kind)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }
}

/// Which part of a pod's log to read.
public struct LogOptions: Sendable, Hashable {
    /// The container; required when the pod has more than one.
    public var container: String?
    /// Only the last lines.
    public var tailLines: Int?
    /// Only lines newer than this many seconds.
    public var sinceSeconds: Int?
    /// Prefix every line with its RFC 3339 time.
    public var timestamps: Bool
    /// The previous (crashed) instance of the container.
    public var previous: Bool

    /// Creates log options.
    public init(
        container: String? = nil, tailLines: Int? = nil, sinceSeconds: Int? = nil, timestamps: Bool = false,
        previous: Bool = false
    ) {
        self.container = container
        self.tailLines = tailLines
        self.sinceSeconds = sinceSeconds
        self.timestamps = timestamps
        self.previous = previous
    }

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if let container { query.append(("container", container)) }
        if let tailLines { query.append(("tailLines", String(tailLines))) }
        if let sinceSeconds { query.append(("sinceSeconds", String(sinceSeconds))) }
        if timestamps { query.append(("timestamps", "true")) }
        if previous { query.append(("previous", "true")) }
        return query
    }
}

extension KubernetesClient {
    /// Reads an object's `status` subresource.
    public func getStatus<T: Decodable>(
        _ resource: ResourceType, namespace: String? = nil, name: String, as type: T.Type = T.self
    ) async throws -> T {
        try await get(resource, namespace: namespace, name: name, subresource: "status", as: T.self)
    }

    /// Replaces an object's status through the `status` subresource (the spec in `object` is ignored).
    public func updateStatus<T: Decodable>(
        _ resource: ResourceType, namespace: String? = nil, name: String, _ object: some Encodable,
        as type: T.Type = T.self
    ) async throws -> T {
        try await update(resource, namespace: namespace, name: name, object, subresource: "status", as: T.self)
    }

    /// Patches an object's status through the `status` subresource.
    public func patchStatus<T: Decodable>(
        _ resource: ResourceType, namespace: String? = nil, name: String, _ patch: Patch, as type: T.Type = T.self
    ) async throws -> T {
        try await self.patch(resource, namespace: namespace, name: name, patch, subresource: "status", as: T.self)
    }

    /// Reads an object's `scale` subresource.
    public func scale(_ resource: ResourceType, namespace: String? = nil, name: String) async throws -> Scale {
        try await get(resource, namespace: namespace, name: name, subresource: "scale", as: Scale.self)
    }

    /// Sets the desired replicas through the `scale` subresource; a `resourceVersion` makes it conditional.
    public func setScale(
        _ resource: ResourceType, namespace: String? = nil, name: String, replicas: Int, resourceVersion: String? = nil
    ) async throws -> Scale {
        let namespace = objectNamespace(resource, namespace)
        let scale = Scale(
            metadata: ObjectMeta(name: name, namespace: namespace, resourceVersion: resourceVersion),
            spec: Scale.Spec(replicas: replicas), status: nil)
        return try await update(resource, namespace: namespace, name: name, scale, subresource: "scale", as: Scale.self)
    }

    /// Reads a container's log (the pod `log` subresource) as text.
    public func log(pod: String, namespace: String? = nil, options: LogOptions = LogOptions()) async throws -> String {
        let namespace = objectNamespace(.pods, namespace)
        let action = KubernetesAction(verb: "get", resource: .pods, subresource: "log", namespace: namespace, name: pod)
        let request = Request(
            method: .GET, path: Self.path(.pods, namespace: namespace, name: pod, subresource: "log"),
            query: options.query, accept: "*/*", action: action)
        return String(decoding: try await send(request), as: UTF8.self)
    }

    /// Follows a container's log line by line until the container stops or the stream is cancelled.
    public func followLog(
        pod: String, namespace: String? = nil, options: LogOptions = LogOptions()
    ) -> AsyncThrowingStream<String, any Error> {
        let namespace = objectNamespace(.pods, namespace)
        let action = KubernetesAction(verb: "get", resource: .pods, subresource: "log", namespace: namespace, name: pod)
        let request = Request(
            method: .GET, path: Self.path(.pods, namespace: namespace, name: pod, subresource: "log"),
            query: options.query + [("follow", "true")], accept: "*/*", action: action, isStreaming: true)
        return lines(of: request) { String(decoding: $0, as: UTF8.self) }
    }
}

extension Scale {
    /// Creates a `Scale` (what `setScale` sends and fakes return).
    public init(metadata: ObjectMeta, spec: Spec, status: Status?) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}
