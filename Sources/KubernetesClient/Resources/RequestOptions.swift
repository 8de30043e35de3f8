/// How a list selects and pages objects.
public struct ListOptions: Sendable, Hashable {
    /// A label selector (`app=web,tier in (a,b)`).
    public var labelSelector: String?
    /// A field selector (`metadata.name=web`, `spec.nodeName=n1`).
    public var fieldSelector: String?
    /// The most items per page; the answer then carries a `continue` token if more remain.
    public var limit: Int?
    /// The token of the page to fetch, from the previous page's `metadata.continue`.
    public var continueToken: String?
    /// The resourceVersion to list at (`0` allows the server's cache).
    public var resourceVersion: String?

    /// Creates list options.
    public init(
        labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continueToken: String? = nil,
        resourceVersion: String? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
    }

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        if let limit { query.append(("limit", String(limit))) }
        if let continueToken { query.append(("continue", continueToken)) }
        if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
        return query
    }
}

/// Where a watch starts and how long it runs.
public struct WatchOptions: Sendable, Hashable {
    /// A label selector.
    public var labelSelector: String?
    /// A field selector.
    public var fieldSelector: String?
    /// The resourceVersion to start after (a list's); `nil` starts with synthetic ADDED events for every object.
    public var resourceVersion: String?
    /// Ask for BOOKMARK events carrying the latest resourceVersion.
    public var allowWatchBookmarks: Bool
    /// How long the server keeps the watch open before ending it normally.
    public var timeoutSeconds: Int?

    /// Creates watch options.
    public init(
        labelSelector: String? = nil, fieldSelector: String? = nil, resourceVersion: String? = nil,
        allowWatchBookmarks: Bool = false, timeoutSeconds: Int? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
        self.allowWatchBookmarks = allowWatchBookmarks
        self.timeoutSeconds = timeoutSeconds
    }

    var query: [(String, String)] {
        var query: [(String, String)] = [("watch", "true")]
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
        if allowWatchBookmarks { query.append(("allowWatchBookmarks", "true")) }
        if let timeoutSeconds { query.append(("timeoutSeconds", String(timeoutSeconds))) }
        return query
    }
}

/// Options of create, update and patch.
public struct WriteOptions: Sendable, Hashable {
    /// Validate and answer as if written, but write nothing (`dryRun=All`).
    public var dryRun: Bool
    /// The name recorded as the manager of the fields written.
    public var fieldManager: String?
    /// Server-side apply only: take fields other managers own (`force=true`).
    public var force: Bool

    /// Creates write options.
    public init(dryRun: Bool = false, fieldManager: String? = nil, force: Bool = false) {
        self.dryRun = dryRun
        self.fieldManager = fieldManager
        self.force = force
    }

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if dryRun { query.append(("dryRun", "All")) }
        if let fieldManager { query.append(("fieldManager", fieldManager)) }
        if force { query.append(("force", "true")) }
        return query
    }
}

/// How a delete treats dependents, and what must still hold for it to go ahead.
public struct DeleteOptions: Sendable, Hashable, Encodable {
    /// What happens to objects this one owns.
    public enum PropagationPolicy: String, Sendable, Hashable, Encodable {
        /// Delete dependents in the background after the owner.
        case background = "Background"
        /// Delete dependents first; the owner stays (with a deletionTimestamp) until they are gone.
        case foreground = "Foreground"
        /// Leave dependents, removing their owner references.
        case orphan = "Orphan"
    }

    /// Conditions the object must still meet, or the delete fails with a conflict.
    public struct Preconditions: Sendable, Hashable, Encodable {
        /// The UID the object must have.
        public var uid: String?
        /// The resourceVersion the object must have.
        public var resourceVersion: String?

        /// Creates preconditions.
        public init(uid: String? = nil, resourceVersion: String? = nil) {
            self.uid = uid
            self.resourceVersion = resourceVersion
        }
    }

    /// What happens to dependents; `nil` leaves it to the resource's default.
    public var propagationPolicy: PropagationPolicy?
    /// Conditions that must hold.
    public var preconditions: Preconditions?
    /// Seconds of grace before a pod is killed; `0` deletes at once.
    public var gracePeriodSeconds: Int?
    /// Validate but delete nothing.
    public var dryRun: Bool

    /// Creates delete options.
    public init(
        propagationPolicy: PropagationPolicy? = nil, preconditions: Preconditions? = nil,
        gracePeriodSeconds: Int? = nil, dryRun: Bool = false
    ) {
        self.propagationPolicy = propagationPolicy
        self.preconditions = preconditions
        self.gracePeriodSeconds = gracePeriodSeconds
        self.dryRun = dryRun
    }

    enum CodingKeys: String, CodingKey {
        case kind, apiVersion, propagationPolicy, preconditions, gracePeriodSeconds, dryRun
    }

    /// Encodes the `DeleteOptions` body the server reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("DeleteOptions", forKey: .kind)
        try container.encode("v1", forKey: .apiVersion)
        try container.encodeIfPresent(propagationPolicy, forKey: .propagationPolicy)
        try container.encodeIfPresent(preconditions, forKey: .preconditions)
        try container.encodeIfPresent(gracePeriodSeconds, forKey: .gracePeriodSeconds)
        if dryRun { try container.encode(["All"], forKey: .dryRun) }
    }
}
