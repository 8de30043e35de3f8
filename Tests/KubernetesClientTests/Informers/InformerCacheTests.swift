import Testing

@testable import KubernetesClient

struct InformerCacheTests {
    struct Item: InformerObject, Equatable {
        var name: String
        var version: String?
        var owner: String = ""
        var informerKey: InformerKey { InformerKey(namespace: "ns", name: name) }
        var resourceVersion: String? { version }
    }

    static func describe(_ changes: [InformerChange<Item>]) -> [String] {
        changes.map { change in
            switch change {
            case .added(let item): return "added \(item.name)@\(item.version ?? "-")"
            case .modified(let old, let new): return "modified \(new.name)@\(old?.version ?? "-")→\(new.version ?? "-")"
            case .deleted(let item): return "deleted \(item.name)"
            case .synced: return "synced"
            }
        }
    }

    @Test(arguments: [
        // cached version, incoming version, stored afterwards, change
        ("5", "6", "6", "modified a@5→6"),
        ("6", "5", "6", ""),            // an event older than a write-back is dropped
        ("6", "6", "6", ""),            // the same version changes nothing
        ("9", "10", "10", "modified a@9→10"),   // compared as numbers, not text
        ("x", "5", "5", "modified a@x→5"),      // unparsable: the newer write wins
    ])
    func storeKeepsTheNewestVersion(cached: String, incoming: String, stored: String, change: String) {
        var cache = InformerCache<Item>()
        _ = cache.store(Item(name: "a", version: cached))
        let result = cache.store(Item(name: "a", version: incoming))
        #expect(Self.describe(result.map { [$0] } ?? []).joined() == change)
        #expect(cache.objects[InformerKey(namespace: "ns", name: "a")]?.version == stored)
    }

    @Test func aRelistDeliversWhatChangedMeanwhileDeletionsFirst() {
        var cache = InformerCache<Item>()
        _ = cache.replace(with: [Item(name: "a", version: "1"), Item(name: "b", version: "2"), Item(name: "c", version: "3")])
        let changes = cache.replace(with: [Item(name: "b", version: "2"), Item(name: "c", version: "7"), Item(name: "d", version: "8")])
        #expect(Self.describe(changes) == ["deleted a", "modified c@3→7", "added d@8"])
        #expect(cache.objects.keys.map(\.name).sorted() == ["b", "c", "d"])
    }

    @Test func removingWhatIsNotCachedChangesNothing() {
        var cache = InformerCache<Item>()
        #expect(cache.remove(InformerKey(namespace: "ns", name: "a")) == nil)
        _ = cache.store(Item(name: "a", version: "1"))
        #expect(Self.describe(cache.remove(InformerKey(namespace: "ns", name: "a")).map { [$0] } ?? []) == ["deleted a"])
    }

    @Test func theIndexFollowsEveryStoreRemoveAndRelist() {
        var cache = InformerCache<Item>(indexes: [InformerIndex("owner") { $0.owner.isEmpty ? [] : [$0.owner] }])
        func owned(_ owner: String) -> [String] { cache.keys(inIndex: "owner", value: owner).map(\.name) }
        _ = cache.replace(with: [Item(name: "b", version: "1", owner: "x"), Item(name: "a", version: "1", owner: "x"), Item(name: "c", version: "1", owner: "y")])
        #expect(owned("x") == ["a", "b"], "sorted by key")
        _ = cache.store(Item(name: "a", version: "2", owner: "y"))
        #expect(owned("x") == ["b"])
        #expect(owned("y") == ["a", "c"])
        _ = cache.store(Item(name: "a", version: "1", owner: "x"))
        #expect(owned("y") == ["a", "c"], "an older event that is dropped does not move the object in the index")
        _ = cache.remove(InformerKey(namespace: "ns", name: "c"))
        #expect(owned("y") == ["a"])
        _ = cache.replace(with: [Item(name: "b", version: "1", owner: "x"), Item(name: "d", version: "1")])
        #expect(owned("x") == ["b"])
        #expect(owned("y").isEmpty, "a relist drops what it no longer lists")
        #expect(cache.keys(inIndex: "owner", value: "").isEmpty, "objects with no value are not indexed")
    }
}
