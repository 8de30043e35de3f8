import Foundation
import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// The `job` provider on a cluster: each measurement is a `batch/v1` Job owned by its AnalysisRun. `measure`
/// creates the Job and returns at once with the measurement `Running`; later reconciles `resume` it from the
/// Job's status in the informer cache (a Job changing wakes its rollout), so no worker waits on a Job.
/// The Job's success is a Successful measurement, its failure (backoff limit, deadline) a Failed one.
public struct ClusterJobMetricProvider: MetricProvider {
    /// The measurement metadata key holding the Job's name.
    public static let jobNameKey = "job-name"

    /// The API server.
    public let client: KubernetesClient
    /// The group's resources (for the owner reference).
    public let resources: ClusterResources
    /// Where Jobs and runs are read.
    public let caches: ClusterCaches
    /// The time.
    public let clock: any InstantClock
    /// Seconds between looks at a running Job (each look reads the informer cache, not the API server).
    public var pollSeconds: Double

    /// Creates the provider.
    public init(client: KubernetesClient, resources: ClusterResources, caches: ClusterCaches, clock: any InstantClock, pollSeconds: Double = 1) {
        self.client = client
        self.resources = resources
        self.caches = caches
        self.clock = clock
        self.pollSeconds = pollSeconds
    }

    public func measure(_ metric: Metric, context: MeasurementContext) async -> TurnoutCore.Measurement {
        guard let job = metric.provider.job else {
            return TurnoutCore.Measurement(phase: .error, message: "metric \(metric.name): no job provider")
        }
        let now = clock.now()
        let name = Self.jobName(run: context.runName, metric: metric.name, at: now)
        do {
            let run = await caches.analysisRuns.object(InformerKey(namespace: context.namespace, name: context.runName))
            let object = try Self.object(named: name, for: job, metric: metric.name, context: context, runUID: run?.objectMeta.uid, resources: resources)
            let created: Job = try await client.create(.jobs, namespace: context.namespace, object)
            await caches.jobs.remember(created)
        } catch {
            return TurnoutCore.Measurement(phase: .error, message: "metric \(metric.name): create Job \(context.namespace)/\(name): \(error)")
        }
        var measurement = TurnoutCore.Measurement(phase: .running)
        measurement.startedAt = now.rfc3339
        measurement.metadata = [Self.jobNameKey: name]
        measurement.resumeAt = Instant(secondsSinceEpoch: now.secondsSinceEpoch + pollSeconds).rfc3339
        return measurement
    }

    public func resume(_ metric: Metric, measurement: TurnoutCore.Measurement, context: MeasurementContext) async -> TurnoutCore.Measurement {
        guard let name = measurement.metadata?[Self.jobNameKey] else {
            var ended = measurement
            ended.phase = .error
            ended.message = "metric \(metric.name): the running measurement names no Job"
            return ended
        }
        var job = await caches.jobs.object(InformerKey(namespace: context.namespace, name: name))
        if job == nil {
            do {
                job = try await client.get(.jobs, namespace: context.namespace, name: name, as: Job.self)
            } catch KubernetesError.notFound {
                var ended = measurement
                ended.phase = .error
                ended.message = "metric \(metric.name): Job \(context.namespace)/\(name) was deleted before it finished"
                ended.finishedAt = clock.now().rfc3339
                return ended
            } catch {
                var running = measurement
                running.resumeAt = Instant(secondsSinceEpoch: clock.now().secondsSinceEpoch + pollSeconds).rfc3339
                return running
            }
        }
        var updated = measurement
        switch job?.outcome {
        case .succeeded?:
            updated.phase = .successful
            updated.value = "succeeded"
            updated.finishedAt = clock.now().rfc3339
        case .failed(let reason)?:
            updated.phase = .failed
            updated.value = "failed"
            updated.message = "Job \(context.namespace)/\(name): \(reason)"
            updated.finishedAt = clock.now().rfc3339
        case nil:
            updated.resumeAt = Instant(secondsSinceEpoch: clock.now().secondsSinceEpoch + pollSeconds).rfc3339
        }
        return updated
    }

    public func terminate(_ metric: Metric, measurement: TurnoutCore.Measurement, context: MeasurementContext) async -> TurnoutCore.Measurement {
        if let name = measurement.metadata?[Self.jobNameKey] {
            _ = try? await client.delete(.jobs, namespace: context.namespace, name: name, options: DeleteOptions(propagationPolicy: .background))
        }
        var ended = measurement
        ended.phase = .successful
        ended.message = "terminated"
        ended.finishedAt = clock.now().rfc3339
        return ended
    }

    /// A Job name from the run, the metric and the time: at most 63 characters (the Job controller puts it in a
    /// label), unique per measurement.
    public static func jobName(run: String, metric: String, at time: Instant) -> String {
        let suffix = String(UInt64(time.secondsSinceEpoch * 1000), radix: 36)
        let base = "\(run)-\(metric)".lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        let room = 63 - suffix.count - 1
        return String(String(base).prefix(room)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) + "-" + suffix
    }

    /// The Job object for a measurement: the metric's job spec, its labels and annotations, Turnout's
    /// managed-by label, and the owner reference to the run.
    static func object(named name: String, for job: JobMetric, metric: String, context: MeasurementContext, runUID: String?, resources: ClusterResources) throws -> Job {
        var labels: [String: String] = [:]
        var annotations: [String: String] = [:]
        if case .object(let metadata)? = job.metadata {
            if case .object(let given)? = metadata["labels"] {
                for (key, value) in given { if case .string(let text) = value { labels[key] = text } }
            }
            if case .object(let given)? = metadata["annotations"] {
                for (key, value) in given { if case .string(let text) = value { annotations[key] = text } }
            }
        }
        labels[ClusterMetadata.managedBy] = ClusterMetadata.controllerName
        labels["analysisrun.turnout.dev/metric"] = String(metric.prefix(63))
        var metadata = ClusterObjectMeta(name: name, namespace: context.namespace, labels: labels, annotations: annotations.isEmpty ? nil : annotations)
        if let runUID {
            metadata.ownerReferences = [OwnerReference(apiVersion: resources.apiVersion, kind: "AnalysisRun", name: context.runName, uid: runUID, controller: true, blockOwnerDeletion: true)]
        }
        var spec = try KubernetesJSON(encoding: job.spec)
        if case .object(var fields) = spec, fields["backoffLimit"] == nil {
            fields["backoffLimit"] = 0
            spec = .object(fields)
        }
        return Job(metadata: metadata, spec: spec)
    }
}
