import KubernetesClient
import TurnoutCore

/// An `apps/v1` Deployment, as far as a rollout's `workloadRef` reads it: its pod template and selector, and
/// its replicas, which a migrating rollout scales down.
public struct Deployment: Codable, Sendable, Hashable {
    /// Name, generation.
    public var metadata: ClusterObjectMeta
    /// Replicas, selector and pod template.
    public var spec: Spec?
    /// What the Deployment controller observed.
    public var status: Status?

    /// The parts of a Deployment's spec a rollout reads.
    public struct Spec: Codable, Sendable, Hashable {
        /// Desired pods.
        public var replicas: Int?
        /// The pods it owns.
        public var selector: LabelSelector?
        /// What each pod runs.
        public var template: PodTemplate?
    }

    /// The replica counts the Deployment controller reports.
    public struct Status: Codable, Sendable, Hashable {
        /// Pods it runs.
        public var replicas: Int?
        /// Pods that are ready.
        public var readyReplicas: Int?
    }
}
