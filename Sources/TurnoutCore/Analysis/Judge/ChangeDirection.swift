/// Which change of a canary metric counts against the canary (Kayenta's metric `direction`).
public enum ChangeDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Higher is worse: latency, error rate.
    case increase
    /// Lower is worse: throughput, success rate.
    case decrease
    /// Any change is worse.
    case either
}
