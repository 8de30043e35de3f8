import KubernetesClient

/// A `v1` Event about an object, as `kubectl describe` and `turnout events` show it.
public struct ClusterEvent: Codable, Sendable, Hashable {
    /// `v1`.
    public var apiVersion: String? = "v1"
    /// `Event`.
    public var kind: String? = "Event"
    /// Name (unique per event) and namespace (the involved object's).
    public var metadata: ClusterObjectMeta
    /// The object the event is about.
    public var involvedObject: InvolvedObject
    /// A machine-readable reason, e.g. `RolloutAborted`.
    public var reason: String?
    /// A sentence for people.
    public var message: String?
    /// `Normal` or `Warning`.
    public var type: String?
    /// How often it happened.
    public var count: Int?
    /// When it first happened (RFC 3339).
    public var firstTimestamp: String?
    /// When it last happened (RFC 3339).
    public var lastTimestamp: String?
    /// Who reported it.
    public var source: Source?
    /// The reporting controller, e.g. `turnout.dev/controller`.
    public var reportingComponent: String?
    /// The reporting instance (the controller's pod or host).
    public var reportingInstance: String?

    /// Creates an event.
    public init(metadata: ClusterObjectMeta, involvedObject: InvolvedObject, reason: String?, message: String?, type: String?, count: Int? = 1, firstTimestamp: String?, lastTimestamp: String?, source: Source?, reportingComponent: String? = nil, reportingInstance: String? = nil) {
        self.metadata = metadata
        self.involvedObject = involvedObject
        self.reason = reason
        self.message = message
        self.type = type
        self.count = count
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
        self.source = source
        self.reportingComponent = reportingComponent
        self.reportingInstance = reportingInstance
    }

    /// The object an event is about.
    public struct InvolvedObject: Codable, Sendable, Hashable {
        /// Its `apiVersion`.
        public var apiVersion: String?
        /// Its kind.
        public var kind: String?
        /// Its name.
        public var name: String?
        /// Its namespace.
        public var namespace: String?
        /// Its uid.
        public var uid: String?

        /// Creates a reference.
        public init(apiVersion: String?, kind: String?, name: String?, namespace: String?, uid: String?) {
            self.apiVersion = apiVersion
            self.kind = kind
            self.name = name
            self.namespace = namespace
            self.uid = uid
        }
    }

    /// Who reported an event.
    public struct Source: Codable, Sendable, Hashable {
        /// The component, e.g. `turnout-controller`.
        public var component: String?
        /// The host it ran on.
        public var host: String?

        /// Creates a source.
        public init(component: String?, host: String? = nil) {
            self.component = component
            self.host = host
        }
    }
}
