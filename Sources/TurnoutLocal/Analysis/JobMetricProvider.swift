import Foundation
import TurnoutCore
import TurnoutRuntime



/// The `job` provider on a single host: runs the job's first container as a process (argv, never a
/// shell string); exit 0 is a successful measurement, any other exit a failed one.
public struct JobMetricProvider: MetricProvider {
    /// Seconds a job may run when its spec sets no `activeDeadlineSeconds`.
    public var defaultTimeoutSeconds: Double

    /// Creates the provider.
    public init(defaultTimeoutSeconds: Double = 60) {
        self.defaultTimeoutSeconds = defaultTimeoutSeconds
    }

    public func measure(_ metric: Metric, context: MeasurementContext) async -> TurnoutCore.Measurement {
        guard let job = metric.provider.job, let container = job.spec.template.spec.containers.first else {
            return TurnoutCore.Measurement(phase: .error, message: "metric \(metric.name): the job has no container to run")
        }
        let argv = (container.command ?? []) + (container.args ?? [])
        guard !argv.isEmpty else {
            return TurnoutCore.Measurement(phase: .error, message: "metric \(metric.name): container \(container.name) has no command; a local job needs one")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        for variable in container.env ?? [] { environment[variable.name] = variable.value ?? "" }
        process.environment = environment
        let timeout = Double(job.spec.activeDeadlineSeconds ?? 0) > 0 ? Double(job.spec.activeDeadlineSeconds ?? 0) : defaultTimeoutSeconds
        do {
            try process.run()
        } catch {
            return TurnoutCore.Measurement(phase: .error, message: "run job \(argv[0]) for metric \(metric.name): \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return TurnoutCore.Measurement(phase: .error, message: "job \(argv[0]) for metric \(metric.name) ran longer than \(Int(timeout))s")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        let status = process.terminationStatus
        return TurnoutCore.Measurement(phase: status == 0 ? .successful : .failed, value: "\(status)", message: status == 0 ? nil : "job exited with status \(status)")
    }
}
