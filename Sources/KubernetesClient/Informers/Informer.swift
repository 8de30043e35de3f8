import Foundation
import Logging

public struct InformerKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var namespace: String
    public var name: String
    public init(namespace: String, name: String) { self.namespace = namespace; self.name = name }
    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }
    public static func < (l: InformerKey, r: InformerKey) -> Bool { (l.namespace, l.name) < (r.namespace, r.name) }
}

public protocol InformerObject: Decodable, Sendable {
    var informerKey: InformerKey { get }
    var resourceVersion: String? { get }
}

public enum InformerChange<Object: InformerObject>: Sendable {
    case added(Object)
    case modified(old: Object?, new: Object)
    case deleted(Object)
    case synced
}

public actor Informer<Object: InformerObject> {
    let client: KubernetesClient
    let resource: ResourceType
    let namespace: String?
    let labelSelector: String?
    let fieldSelector: String?
    let logger: Logger
    var cache: [InformerKey: Object] = [:]
    var subscribers: [UUID: AsyncStream<InformerChange<Object>>.Continuation] = [:]
    public private(set) var hasSynced = false
    var syncWaiters: [CheckedContinuation<Void, Never>] = []

    public init(client: KubernetesClient, resource: ResourceType, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil, logger: Logger) {
        self.client = client; self.resource = resource; self.namespace = namespace
        self.labelSelector = labelSelector; self.fieldSelector = fieldSelector; self.logger = logger
    }

    public func run() async {
        var backoff = 0.1
        var version: String?
        while !Task.isCancelled {
            do {
                if version == nil {
                    let listed = try await client.listAll(resource, namespace: namespace, options: ListOptions(labelSelector: labelSelector, fieldSelector: fieldSelector), as: Object.self)
                    replace(listed.items)
                    version = listed.resourceVersion
                }
                let stream = client.watch(resource, namespace: namespace, options: WatchOptions(labelSelector: labelSelector, fieldSelector: fieldSelector, resourceVersion: version, allowWatchBookmarks: true, timeoutSeconds: 300), as: Object.self)
                for try await event in stream {
                    backoff = 0.1
                    switch event {
                    case .added(let o): version = o.resourceVersion ?? version; apply(o)
                    case .modified(let o): version = o.resourceVersion ?? version; apply(o)
                    case .deleted(let o): version = o.resourceVersion ?? version; remove(o.informerKey)
                    case .bookmark(let v): version = v
                    }
                }
            } catch KubernetesError.gone {
                version = nil
            } catch {
                if Task.isCancelled { break }
                try? await Task.sleep(for: .seconds(backoff))
                backoff = min(10, backoff * 2)
            }
        }
        for s in subscribers.values { s.finish() }
        for w in syncWaiters { w.resume() }
        syncWaiters = []
    }

    func replace(_ items: [Object]) {
        let fresh = Dictionary(items.map { ($0.informerKey, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, old) in cache where fresh[key] == nil { cache[key] = nil; publish(.deleted(old)) }
        for (key, object) in fresh { let old = cache[key]; cache[key] = object; publish(old == nil ? .added(object) : .modified(old: old, new: object)) }
        hasSynced = true
        publish(.synced)
        for w in syncWaiters { w.resume() }
        syncWaiters = []
    }

    func apply(_ object: Object) {
        let key = object.informerKey
        let old = cache[key]
        if let old, let a = old.resourceVersion.flatMap({ Int($0) }), let b = object.resourceVersion.flatMap({ Int($0) }), b < a { return }
        cache[key] = object
        publish(old == nil ? .added(object) : .modified(old: old, new: object))
    }

    func remove(_ key: InformerKey) {
        guard let old = cache.removeValue(forKey: key) else { return }
        publish(.deleted(old))
    }

    func publish(_ change: InformerChange<Object>) { for s in subscribers.values { s.yield(change) } }

    public func waitUntilSynced() async {
        if hasSynced { return }
        await withCheckedContinuation { syncWaiters.append($0) }
    }
    public func object(_ key: InformerKey) -> Object? { cache[key] }
    public func objects(inNamespace namespace: String?) -> [Object] {
        cache.filter { namespace == nil || $0.key.namespace == namespace }.sorted { $0.key < $1.key }.map(\.value)
    }
    public func remember(_ object: Object) { apply(object) }
    public func forget(_ key: InformerKey) { remove(key) }
    public func changes() -> AsyncStream<InformerChange<Object>> {
        let (stream, continuation) = AsyncStream.makeStream(of: InformerChange<Object>.self)
        let id = UUID()
        subscribers[id] = continuation
        return stream
    }
}
