/// Runs one readiness probe or HTTP hook against a replica; blocking work runs off Swift concurrency's threads.
enum ProbeRunner {
    /// Whether one probe of `action` passes for the replica `plan` describes, within `timeout` seconds.
    static func passes(_ action: ReadinessCheck.Action, plan: LaunchPlan, timeout: Double) async -> Bool {
        let port = plan.port
        switch action {
        case .tcpConnect:
            return await BlockingCall.run { LoopbackConnection.canConnect(port: port, timeout: timeout) }
        case .httpGet(let path, let headers):
            let status = await BlockingCall.run { LoopbackConnection.get(port: port, path: path, headers: headers, timeout: timeout) }
            return status.map { (200..<400).contains($0) } ?? false
        case .exec(let command):
            let exit = try? await BoundedCommand.run(arguments: command, environment: plan.environment, workingDirectory: plan.workingDirectory, output: .discard, timeout: timeout)
            return exit?.isSuccess ?? false
        }
    }
}
