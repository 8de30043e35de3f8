import Testing

/// Polls `condition` every few milliseconds until it holds or `timeout` passes; records an issue on timeout.
@discardableResult
func eventually(
    _ description: String,
    timeout: Duration = .seconds(10),
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    if try await condition() { return true }
    Issue.record("timed out waiting for: \(description)", sourceLocation: sourceLocation)
    return false
}
