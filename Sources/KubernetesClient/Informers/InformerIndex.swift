/// A secondary index of an informer's cache, as client-go's indexers: the values each object is found under
/// (an owner's uid, the Service a slice belongs to), so a lookup costs the objects found, not the whole cache.
public struct InformerIndex<Object: InformerObject>: Sendable {
    /// The index's name, used to query it.
    public let name: String
    /// The values an object is indexed under (none: not in the index).
    public let values: @Sendable (Object) -> [String]

    /// Creates an index.
    public init(_ name: String, values: @escaping @Sendable (Object) -> [String]) {
        self.name = name
        self.values = values
    }
}
