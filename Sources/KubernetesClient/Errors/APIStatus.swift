/// The `Status` object the API server returns with a failed request (and in watch `ERROR` events).
public struct APIStatus: Sendable, Hashable, Codable {
    /// `Success` or `Failure`.
    public var status: String?
    /// The human-readable description of what failed.
    public var message: String?
    /// The machine-readable reason: `NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, `Expired`…
    public var reason: String?
    /// The HTTP status code the server meant.
    public var code: Int?
    /// The object the status is about and, for `Invalid`, the fields at fault.
    public var details: Details?

    /// Creates a status value (what tests and fakes return).
    public init(status: String? = "Failure", message: String?, reason: String?, code: Int?, details: Details? = nil) {
        self.status = status
        self.message = message
        self.reason = reason
        self.code = code
        self.details = details
    }

    /// The object a status is about, with the causes of an `Invalid` failure.
    public struct Details: Sendable, Hashable, Codable {
        /// The object's name.
        public var name: String?
        /// The object's API group.
        public var group: String?
        /// The object's kind.
        public var kind: String?
        /// The object's UID.
        public var uid: String?
        /// One entry per field (or other cause) that made the request fail.
        public var causes: [Cause]?
        /// How long the server asks the client to wait before retrying.
        public var retryAfterSeconds: Int?

        /// Creates details (what tests and fakes return).
        public init(
            name: String? = nil, group: String? = nil, kind: String? = nil, uid: String? = nil,
            causes: [Cause]? = nil, retryAfterSeconds: Int? = nil
        ) {
            self.name = name
            self.group = group
            self.kind = kind
            self.uid = uid
            self.causes = causes
            self.retryAfterSeconds = retryAfterSeconds
        }
    }

    /// One cause of a failure: for `Invalid`, a field path and what is wrong with it.
    public struct Cause: Sendable, Hashable, Codable {
        /// The machine-readable cause, e.g. `FieldValueRequired`.
        public var reason: String?
        /// What is wrong.
        public var message: String?
        /// The field path at fault, e.g. `spec.replicas` or `metadata.name`.
        public var field: String?

        /// Creates a cause (what tests and fakes return).
        public init(reason: String? = nil, message: String?, field: String?) {
            self.reason = reason
            self.message = message
            self.field = field
        }
    }
}
