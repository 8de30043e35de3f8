/// The objects an informer holds, and the changes each list, watch event or write-back makes. Pure.
///
/// Ordering: resourceVersions are compared as integers when both parse (what every API server writes); an
/// event older than the cached object (a watch event for a version the controller's own write already
/// superseded) is dropped. A list replaces everything: objects missing from it are deleted. Every index
/// is kept up to date with each change.
public struct InformerCache<Object: InformerObject>: Sendable {
    /// The objects by key.
    public private(set) var objects: [InformerKey: Object] = [:]
    private let indexes: [InformerIndex<Object>]
    /// Index name → value → the keys of the objects indexed under it.
    private var indexed: [String: [String: Set<InformerKey>]] = [:]

    /// An empty cache with secondary indexes.
    public init(indexes: [InformerIndex<Object>] = []) {
        self.indexes = indexes
    }

    /// The keys of the objects an index holds under a value, sorted.
    public func keys(inIndex name: String, value: String) -> [InformerKey] {
        (indexed[name]?[value] ?? []).sorted()
    }

    private mutating func put(_ object: Object, at key: InformerKey) {
        if let old = objects[key] { unindex(old, at: key) }
        objects[key] = object
        for index in indexes {
            for value in index.values(object) { indexed[index.name, default: [:]][value, default: []].insert(key) }
        }
    }

    private mutating func unindex(_ object: Object, at key: InformerKey) {
        for index in indexes {
            for value in index.values(object) {
                indexed[index.name]?[value]?.remove(key)
                if indexed[index.name]?[value]?.isEmpty == true { indexed[index.name]?[value] = nil }
            }
        }
    }

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
        for (key, old) in objects where fresh[key] == nil {
            unindex(old, at: key)
            objects[key] = nil
        }
        for (key, object) in fresh { put(object, at: key) }
        return changes
    }

    /// Stores an object seen in a watch or written by the controller, unless the cache holds a newer one.
    public mutating func store(_ object: Object) -> InformerChange<Object>? {
        let key = object.informerKey
        guard let old = objects[key] else {
            put(object, at: key)
            return .added(object)
        }
        guard !Self.isOlder(object.resourceVersion, than: old.resourceVersion), old.resourceVersion != object.resourceVersion else { return nil }
        put(object, at: key)
        return .modified(old: old, new: object)
    }

    /// Removes an object; `nil` when it was not cached.
    public mutating func remove(_ key: InformerKey) -> InformerChange<Object>? {
        guard let old = objects.removeValue(forKey: key) else { return nil }
        unindex(old, at: key)
        return .deleted(old)
    }

    /// Whether `version` is known to be older than `other` (both parse as integers and compare so).
    static func isOlder(_ version: String?, than other: String?) -> Bool {
        guard let version = version.flatMap({ UInt64($0) }), let other = other.flatMap({ UInt64($0) }) else { return false }
        return version < other
    }
}
