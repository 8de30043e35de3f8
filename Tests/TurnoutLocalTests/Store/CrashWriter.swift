import Foundation
import TurnoutCore
import TurnoutLocal

/// The writer side of the kill -9 test: writes numbered batches to a store until the process is killed,
/// printing a marker after each batch is committed; and the checks of what a killed writer leaves behind.
enum CrashWriter {
    /// The environment variable that names the state directory and turns a test process into a writer.
    static let directoryVariable = "TURNOUT_STORE_CRASH_WRITER_DIR"
    /// Printed with the batch number once every write of a batch has returned.
    static let committedMarker = "crash-writer-committed"
    /// The rollout every batch writes.
    static let rollout = "crash"
    /// ConfigMaps applied with the rollout in one apply.
    static let configMapCount = 5
    /// Events kept per rollout by the writer's store.
    static let eventLimit = 40

    /// The state directory when this process is a writer.
    static var directory: URL? {
        ProcessInfo.processInfo.environment[directoryVariable].map { URL(fileURLWithPath: $0) }
    }

    /// The objects of one batch: a rollout and ConfigMaps, all stamped with the batch number.
    static func objects(_ batch: Int) -> [ManifestObject] {
        let template = PodTemplate(metadata: PodTemplateMetadata(labels: ["app": rollout]), spec: PodSpec(containers: [Container(name: "app", image: "demo:\(batch)")]))
        let spec = RolloutSpec(replicas: 1 + batch % 4, selector: LabelSelector(matchLabels: ["app": rollout]), template: template, strategy: RolloutStrategy(blueGreen: BlueGreenStrategy(activeService: "crash-active")))
        let rolloutObject = ManifestObject.rollout(Rollout(metadata: ObjectMeta(name: rollout, annotations: ["turnout.dev/batch": "\(batch)"]), spec: spec))
        let configMaps = (0..<configMapCount).map { index in
            ManifestObject.other(KubernetesObject(
                apiVersion: "v1", kind: "ConfigMap", metadata: ObjectMeta(name: "crash-\(index)"),
                document: .object(["apiVersion": .string("v1"), "kind": .string("ConfigMap"), "metadata": .object(["name": .string("crash-\(index)")]),
                                   "data": .object(["batch": .string("\(batch)"), "padding": .string(String(repeating: "x", count: 2_000 + index * 500))])])
            ))
        }
        return [rolloutObject] + configMaps
    }

    /// The revision targets of one batch.
    static func targets(_ batch: Int) -> [RevisionTarget] {
        (0..<3).map { index in
            RevisionTarget(hash: "b\(batch)-\(index)", number: batch * 3 + index, template: PodTemplate(spec: PodSpec(containers: [Container(name: "app", image: "demo:\(batch)")])), replicas: index)
        }
    }

    /// Writes batches after the last stored one, forever.
    static func run(in directory: URL) throws -> Never {
        let store = try LocalStore(directory: directory, clock: FixedClock(), eventLimit: eventLimit)
        var batch = (try state(of: store)?.objects ?? 0) + 1
        while true {
            _ = try store.apply(objects(batch))
            var status = RolloutStatus()
            status.message = "\(batch)"
            try store.saveStatus(status, ofRollout: rollout)
            try store.saveRevisionTargets(targets(batch), forRollout: rollout)
            try store.record([RolloutEvent(.stepCompleted, "\(batch) a"), RolloutEvent(.stepCompleted, "\(batch) b")], forRollout: rollout, at: StoreFixture.start)
            FileHandle.standardOutput.write(Data("\(committedMarker) \(batch)\n".utf8))
            batch += 1
        }
    }

    /// The batch numbers a store holds, one per separately written part.
    struct State: Equatable {
        /// The batch of the rollout and every ConfigMap (one apply).
        var objects: Int
        /// The batch the rollout's status names.
        var status: Int?
        /// The batch of the revision targets.
        var targets: Int?
        /// The batches of the kept events, newest last.
        var events: [Int]
    }

    /// What a store holds, or `nil` when nothing was written; throws `Inconsistency` when any part is half-written.
    static func state(of store: LocalStore) throws -> State? {
        guard case .rollout(let stored)? = try store.object(kind: "Rollout", name: rollout) else {
            guard try store.objects(kind: "ConfigMap").isEmpty else { throw Inconsistency("ConfigMaps without the rollout of their apply") }
            return nil
        }
        guard let batch = stored.metadata.annotations?["turnout.dev/batch"].flatMap({ Int($0) }) else { throw Inconsistency("rollout without a batch") }
        guard stored.spec.template?.spec.containers.first?.image == "demo:\(batch)" else { throw Inconsistency("rollout of batch \(batch) with another image") }
        let configMaps = try store.objects(kind: "ConfigMap")
        guard configMaps.count == configMapCount else { throw Inconsistency("\(configMaps.count) ConfigMaps, applied \(configMapCount)") }
        for case .other(let configMap) in configMaps {
            guard case .object(let fields) = configMap.document, case .object(let data)? = fields["data"], data["batch"] == .string("\(batch)") else {
                throw Inconsistency("ConfigMap \(configMap.name) is not from batch \(batch)")
            }
        }
        let targets = try store.revisionTargets(forRollout: rollout)
        let targetBatch = targets.first.flatMap { Int($0.hash.dropFirst().prefix { $0 != "-" }) }
        if let targetBatch, targets != Self.targets(targetBatch) { throw Inconsistency("revision targets are not the whole set of batch \(targetBatch)") }
        let events = try store.events(forRollout: rollout)
        guard events.count <= eventLimit, events.count % 2 == 0 else { throw Inconsistency("\(events.count) events kept, limit \(eventLimit), written in pairs") }
        var eventBatches: [Int] = []
        for pair in stride(from: 0, to: events.count, by: 2) {
            let first = events[pair].event.message.split(separator: " ")
            let second = events[pair + 1].event.message.split(separator: " ")
            guard first.count == 2, second.count == 2, first[0] == second[0], first[1] == "a", second[1] == "b", let eventBatch = Int(first[0]) else {
                throw Inconsistency("events \(events[pair].event.message) and \(events[pair + 1].event.message) are not one pair")
            }
            eventBatches.append(eventBatch)
        }
        return State(objects: batch, status: stored.status?.message.flatMap { Int($0) }, targets: targetBatch, events: eventBatches)
    }

    /// A half-written state.
    struct Inconsistency: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
