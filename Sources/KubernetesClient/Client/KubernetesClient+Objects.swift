import Foundation

extension KubernetesClient {
    /// The URL path of a collection (`name == nil`) or object, optionally of a subresource.
    /// A namespaced type with `namespace == nil` addresses the collection across all namespaces.
    public static func path(
        _ resource: ResourceType, namespace: String?, name: String? = nil, subresource: String? = nil
    ) -> String {
        var path = resource.groupVersionPath
        if resource.isNamespaced, let namespace { path += "/namespaces/\(percentEncoded(namespace))" }
        path += "/\(resource.plural)"
        if let name { path += "/\(percentEncoded(name))" }
        if let subresource { path += "/\(subresource)" }
        return path
    }

    /// The namespace an object request goes to: the one given, else the client's default (cluster-scoped: none).
    func objectNamespace(_ resource: ResourceType, _ namespace: String?) -> String? {
        resource.isNamespaced ? (namespace ?? defaultNamespace) : nil
    }

    /// Reads one object (or its `status`/`scale` subresource).
    ///
    /// `namespace == nil` means the client's default namespace.
    public func get<T: Decodable>(
        _ resource: ResourceType, namespace: String? = nil, name: String, subresource: String? = nil,
        as type: T.Type = T.self
    ) async throws -> T {
        let namespace = objectNamespace(resource, namespace)
        let action = KubernetesAction(
            verb: "get", resource: resource, subresource: subresource, namespace: namespace, name: name)
        let request = Request(
            method: .GET, path: Self.path(resource, namespace: namespace, name: name, subresource: subresource),
            action: action)
        return try await send(request, as: T.self)
    }

    /// Lists one page of objects. `namespace == nil` lists a namespaced type across all namespaces.
    public func list<T: Decodable & Sendable>(
        _ resource: ResourceType, namespace: String?, options: ListOptions = ListOptions(), as type: T.Type = T.self
    ) async throws -> ObjectList<T> {
        let namespace = resource.isNamespaced ? namespace : nil
        let action = KubernetesAction(verb: "list", resource: resource, namespace: namespace, name: nil)
        let request = Request(
            method: .GET, path: Self.path(resource, namespace: namespace), query: options.query, action: action)
        return try await send(request, as: ObjectList<T>.self)
    }

    /// Lists every object, following `continue` tokens page by page (`options.limit` is the page size).
    /// Returns the items and the resourceVersion of the first page (to start a watch from).
    public func listAll<T: Decodable & Sendable>(
        _ resource: ResourceType, namespace: String?, options: ListOptions = ListOptions(), as type: T.Type = T.self
    ) async throws -> (items: [T], resourceVersion: String?) {
        var options = options
        var items: [T] = []
        var resourceVersion: String?
        var first = true
        while true {
            let page = try await list(resource, namespace: namespace, options: options, as: T.self)
            items += page.items
            if first { resourceVersion = page.metadata.resourceVersion }
            first = false
            guard let next = page.metadata.nextPage else { return (items, resourceVersion) }
            options.continueToken = next
            options.resourceVersion = nil
        }
    }

    /// Creates an object and returns it as the server stored it.
    public func create<T: Decodable>(
        _ resource: ResourceType, namespace: String? = nil, _ object: some Encodable,
        options: WriteOptions = WriteOptions(), as type: T.Type = T.self
    ) async throws -> T {
        let namespace = objectNamespace(resource, namespace)
        let body = try encode(object, action: KubernetesAction(verb: "create", resource: resource, namespace: namespace, name: nil))
        let name = (try? JSONDecoder().decode(KubernetesJSON.self, from: Data(body)))?[path: ["metadata", "name"]]?.stringValue
        let action = KubernetesAction(verb: "create", resource: resource, namespace: namespace, name: name)
        let request = Request(
            method: .POST, path: Self.path(resource, namespace: namespace), query: options.query, body: body,
            action: action)
        return try await send(request, as: T.self)
    }

    /// Replaces an object (PUT), or its `status`/`scale` subresource. A `metadata.resourceVersion` in the
    /// object makes the write conditional: a stale one fails with `KubernetesError.conflict`.
    public func update<T: Decodable>(
        _ resource: ResourceType, namespace: String? = nil, name: String, _ object: some Encodable,
        subresource: String? = nil, options: WriteOptions = WriteOptions(), as type: T.Type = T.self
    ) async throws -> T {
        let namespace = objectNamespace(resource, namespace)
        let action = KubernetesAction(
            verb: "update", resource: resource, subresource: subresource, namespace: namespace, name: name)
        let request = Request(
            method: .PUT, path: Self.path(resource, namespace: namespace, name: name, subresource: subresource),
            query: options.query, body: try encode(object, action: action), action: action)
        return try await send(request, as: T.self)
    }

    /// Patches an object, or its `status`/`scale` subresource, in the patch's format.
    public func patch<T: Decodable>(
        _ resource: ResourceType, namespace: String? = nil, name: String, _ patch: Patch, subresource: String? = nil,
        options: WriteOptions = WriteOptions(), as type: T.Type = T.self
    ) async throws -> T {
        let namespace = objectNamespace(resource, namespace)
        let action = KubernetesAction(
            verb: "patch", resource: resource, subresource: subresource, namespace: namespace, name: name)
        let request = Request(
            method: .PATCH, path: Self.path(resource, namespace: namespace, name: name, subresource: subresource),
            query: options.query, body: try encode(patch.document, action: action), contentType: patch.contentType,
            action: action)
        return try await send(request, as: T.self)
    }

    /// Deletes an object. Returns what the server answered: the object (still there while finalizers or
    /// foreground deletion run) or a success `Status`.
    @discardableResult
    public func delete(
        _ resource: ResourceType, namespace: String? = nil, name: String, options: DeleteOptions = DeleteOptions()
    ) async throws -> KubernetesJSON {
        let namespace = objectNamespace(resource, namespace)
        let action = KubernetesAction(verb: "delete", resource: resource, namespace: namespace, name: name)
        let request = Request(
            method: .DELETE, path: Self.path(resource, namespace: namespace, name: name),
            body: try encode(options, action: action), action: action)
        return try await send(request, as: KubernetesJSON.self)
    }
}
