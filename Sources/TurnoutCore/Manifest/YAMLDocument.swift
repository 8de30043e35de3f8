import Yams

/// One non-empty document of a YAML stream, ready for `NodeDecoder`.
public struct YAMLDocument {
    /// The 0-based position of the document in its stream, empty documents included.
    public let index: Int
    /// The document's root node (aliases resolved, duplicate keys removed).
    public let node: Yams.Node
    /// Where the document's root node starts.
    public let location: SourceLocation

    /// Creates a document.
    public init(index: Int, node: Yams.Node, location: SourceLocation) {
        self.index = index
        self.node = node
        self.location = location
    }
}
