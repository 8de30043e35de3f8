/// The objects an informer holds, and the changes each list, watch event or write-back makes. Pure.
///
/// Ordering: resourceVersions are compared as integers when both parse (what every API server writes); an
/// event older than the cached object (a watch event for a version the controller's own write already
/// superseded) is dropped. A list replaces everything: objects missing from it are deleted.
public struct InformerCache<Object: InformerObject>: Sendable {
    /// The objects by key.
    public private(set) var objects: [InformerKey: Object] = [:]

    /// An empty cache.
    public init() {}

    /// Replaces the contents with a list; returns the changes, deletions first, then additions and modifications by key.
    public mutating func replace(with items: [Object]) -> [InformerChange<Object>] {
        var fresh: [InformerKey: Object] = [:]
        for item in items { fresh[item.informerKey] = item }
        var changes: [InformerChange<Object>] = []
        for (key, old) in objects.sorted(by: { $0.key < $1.key }) where fresh[key] == nil {
            changes.append(.deleted(old))
        }
        for (key, object) in fresh.sorted(by: { $0.key < $1.key }) {
            if let old = objects[key] {
                if old.resourceVersion != object.resourceVersion { changes.append(.modified(old: old, new: object)) }
            } else {
                changes.append(.added(object))
            }
        }
        objects = fresh
        return changes
    }

    /// Stores an object seen in a watch or written by the controller, unless the cache holds a newer one.
    public mutating func store(_ object: Object) -> InformerChange<Object>? {
        let key = object.informerKey
        guard let old = objects[key] else {
            objects[key] = object
            return .added(object)
        }
        guard !Self.isOlder(object.resourceVersion, than: old.resourceVersion), old.resourceVersion != object.resourceVersion else { return nil }
        objects[key] = object
        return .modified(old: old, new: object)
    }

    /// Removes an object; `nil` when it was not cached.
    public mutating func remove(_ key: InformerKey) -> InformerChange<Object>? {
        objects.removeValue(forKey: key).map { .deleted($0) }
    }

    /// Whether `version` is known to be older than `other` (both parse as integers and compare so).
    static func isOlder(_ version: String?, than other: String?) -> Bool {
        guard let version = version.flatMap({ UInt64($0) }), let other = other.flatMap({ UInt64($0) }) else { return false }
        return version < other
    }
}
