/// One page of a list: the items, the collection's resourceVersion and the token of the next page.
public struct ObjectList<Item: Decodable & Sendable>: Decodable, Sendable {
    /// The objects on this page.
    public var items: [Item]
    /// The list's metadata: resourceVersion (to start a watch from) and `continue` (the next page).
    public var metadata: ListMeta

    /// Creates a page (what fakes return).
    public init(items: [Item], metadata: ListMeta) {
        self.items = items
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey { case items, metadata }

    /// Decodes a list; a `null` item list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
        metadata = try container.decodeIfPresent(ListMeta.self, forKey: .metadata) ?? ListMeta()
    }
}

/// The metadata of a list response.
public struct ListMeta: Codable, Sendable, Hashable {
    /// The collection's resourceVersion, to start a watch from.
    public var resourceVersion: String?
    /// The token that fetches the next page; `nil` or empty on the last page.
    public var `continue`: String?
    /// How many items remain after this page, when the server knows.
    public var remainingItemCount: Int?

    /// Creates list metadata.
    public init(resourceVersion: String? = nil, continue: String? = nil, remainingItemCount: Int? = nil) {
        self.resourceVersion = resourceVersion
        self.continue = `continue`
        self.remainingItemCount = remainingItemCount
    }

    /// The next page's token, if there is a next page.
    public var nextPage: String? {
        guard let token = `continue`, !token.isEmpty else { return nil }
        return token
    }
}
