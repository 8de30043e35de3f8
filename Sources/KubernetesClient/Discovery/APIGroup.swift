/// An API group the server serves, with its versions (from `/api` and `/apis`).
public struct APIGroup: Sendable, Hashable, Decodable {
    /// The group's name; empty for the core group.
    public var name: String
    /// The versions served, in the server's order of preference.
    public var versions: [GroupVersion]
    /// The version the server prefers.
    public var preferredVersion: GroupVersion?

    /// Creates a group (what fakes return).
    public init(name: String, versions: [GroupVersion], preferredVersion: GroupVersion?) {
        self.name = name
        self.versions = versions
        self.preferredVersion = preferredVersion
    }

    /// One served version of a group.
    public struct GroupVersion: Sendable, Hashable, Decodable {
        /// `group/version`, or `version` for the core group.
        public var groupVersion: String
        /// The version alone.
        public var version: String

        /// Creates a group version.
        public init(groupVersion: String, version: String) {
            self.groupVersion = groupVersion
            self.version = version
        }
    }
}

/// A resource a group version serves (from `/apis/GROUP/VERSION`).
public struct APIResource: Sendable, Hashable, Decodable {
    /// The plural name, or `plural/subresource` for a subresource (`deployments/scale`).
    public var name: String
    /// Whether objects live in namespaces.
    public var namespaced: Bool
    /// The kind of the objects.
    public var kind: String
    /// The verbs allowed (`get`, `list`, `watch`, `create`, `update`, `patch`, `delete`…).
    public var verbs: [String]

    /// Creates a resource entry.
    public init(name: String, namespaced: Bool, kind: String, verbs: [String]) {
        self.name = name
        self.namespaced = namespaced
        self.kind = kind
        self.verbs = verbs
    }
}

/// The body of `/api`.
struct APIVersions: Decodable {
    var versions: [String]
}

/// The body of `/apis`.
struct APIGroupList: Decodable {
    var groups: [APIGroup]?
}

/// The body of `/api/v1` or `/apis/GROUP/VERSION`.
struct APIResourceList: Decodable {
    var groupVersion: String?
    var resources: [APIResource]?
}
