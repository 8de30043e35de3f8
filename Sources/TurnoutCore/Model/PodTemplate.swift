/// A pod template: the labels and the pod spec every replica of a revision is made from.
public struct PodTemplate: Sendable, Hashable, Codable {
    /// Labels and annotations given to every replica.
    public var metadata: PodTemplateMetadata?
    /// What runs in each replica.
    public var spec: PodSpec

    /// Creates a template.
    public init(metadata: PodTemplateMetadata? = nil, spec: PodSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    /// The template's labels, empty when none are given.
    public var labels: [String: String] { metadata?.labels ?? [:] }
}

/// The metadata part of a pod template.
public struct PodTemplateMetadata: Sendable, Hashable, Codable {
    /// Labels given to every replica.
    public var labels: [String: String]?
    /// Annotations given to every replica.
    public var annotations: [String: String]?
    /// A name is allowed by Kubernetes but ignored.
    public var name: String?

    /// Creates template metadata.
    public init(labels: [String: String]? = nil, annotations: [String: String]? = nil) {
        self.labels = labels
        self.annotations = annotations
    }
}
