/// The operations of any runtime, whether it runs rollouts as processes on one host or as pods on a Kubernetes
/// cluster: what the REST API serves, what the HTTP client calls remotely, and what every CLI command uses.
///
/// Contract: every method either does all of what it says or changes nothing and throws `RuntimeServiceError`.
/// Views describe the state at the time of the call.
public protocol RuntimeService: Sendable {
    /// Lints and applies manifests, all files or none; errors in any file reject the whole apply.
    func apply(_ request: ApplyRequest) async throws(RuntimeServiceError) -> ApplyResponse
    /// One summary per rollout, by name.
    func rollouts() async throws(RuntimeServiceError) -> [RolloutSummary]
    /// Everything known about one rollout.
    func rollout(named name: String) async throws(RuntimeServiceError) -> RolloutView
    /// Performs an operation on a rollout and returns it afterwards.
    func perform(_ operation: RolloutOperationName, onRollout name: String, _ request: OperationRequest) async throws(RuntimeServiceError) -> RolloutView
    /// Deletes an object; deleting a Rollout stops its replicas and forgets its runtime state.
    func delete(kind: String, name: String) async throws(RuntimeServiceError) -> DeleteResponse
    /// The newest `limit` events of a rollout (all kept when `nil`), oldest first.
    func events(ofRollout name: String, limit: Int?) async throws(RuntimeServiceError) -> [EventView]
    /// The last `lines` log lines of a rollout's replicas, of one revision number when given.
    func logs(ofRollout name: String, revision: Int?, lines: Int) async throws(RuntimeServiceError) -> LogsResponse
    /// One analysis run with all its measurements.
    func analysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView
    /// Stops an analysis run, keeping its measurements; a run that has not failed ends Successful.
    func terminateAnalysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView
    /// Where every Service and the ingress listener accept traffic.
    func listeners() async throws(RuntimeServiceError) -> [ListenerView]
    /// The rollout's view now and after every change, until the rollout is deleted or the consumer stops.
    func watch(rolloutNamed name: String) async throws(RuntimeServiceError) -> AsyncStream<RolloutView>
}
