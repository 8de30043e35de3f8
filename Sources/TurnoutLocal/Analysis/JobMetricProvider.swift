import Foundation
import TurnoutCore
import TurnoutRuntime

/// The `job` provider on a single host: runs the job's first container as a process (argv, never a
/// shell string) through `BoundedCommand`, in its own process group killed with it on timeout; exit 0 is a
/// successful measurement, any other exit a failed one.
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
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? ProcessSpawner.defaultSearchPath]
        for variable in container.env ?? [] { environment[variable.name] = variable.value ?? "" }
        let deadline = Double(job.spec.activeDeadlineSeconds ?? 0)
        let timeout = deadline > 0 ? deadline : defaultTimeoutSeconds
        let exit: ProcessHandle.Exit?
        do {
            exit = try await BoundedCommand.run(arguments: argv, environment: environment, workingDirectory: nil, output: .discard, timeout: timeout)
        } catch {
            return TurnoutCore.Measurement(phase: .error, message: "run job \(argv[0]) for metric \(metric.name): \(error)")
        }
        guard let exit else {
            return TurnoutCore.Measurement(phase: .error, message: "job \(argv[0]) for metric \(metric.name) ran longer than \(Int(timeout))s")
        }
        switch exit {
        case .exited(let status):
            return TurnoutCore.Measurement(phase: status == 0 ? .successful : .failed, value: "\(status)", message: status == 0 ? nil : "job exited with status \(status)")
        case .signaled(let signal):
            return TurnoutCore.Measurement(phase: .failed, value: "signal \(signal)", message: "job \(argv[0]) for metric \(metric.name) was \(exit)")
        case .vanished:
            return TurnoutCore.Measurement(phase: .error, message: "job \(argv[0]) for metric \(metric.name) \(exit)")
        }
    }
}
