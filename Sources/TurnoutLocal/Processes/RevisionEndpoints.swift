/// The replicas of one revision as the traffic router sees them.
public struct RevisionEndpoints: Sendable, Hashable, Codable {
    /// The revision's pod-template hash.
    public var revisionHash: String
    /// Its replicas, by index.
    public var endpoints: [ReplicaEndpoint]

    /// Creates the endpoints of a revision.
    public init(revisionHash: String, endpoints: [ReplicaEndpoint]) {
        self.revisionHash = revisionHash
        self.endpoints = endpoints
    }

    /// The addresses that may get new requests.
    public var servingAddresses: [String] {
        endpoints.filter(\.acceptsNewRequests).map(\.address)
    }
}
