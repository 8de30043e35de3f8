import TurnoutCore
import TurnoutService

/// `turnout get rollout NAME`: a summary block and a tree of revisions, their replicas (processes or pods) and analysis runs,
/// laid out like `kubectl argo rollouts get rollout`.
public struct RolloutTreeRenderer: Sendable {
    /// Colours or plain text.
    public var style: TerminalStyle

    /// Creates a renderer.
    public init(style: TerminalStyle) {
        self.style = style
    }

    /// The whole view.
    public func render(_ view: RolloutView) -> String {
        summary(view) + "\n\n" + tree(view)
    }

    // MARK: Summary

    func summary(_ view: RolloutView) -> String {
        let rollout = view.rollout
        let status = rollout.status
        var lines: [(String, String)] = [
            ("Name:", rollout.name),
            ("Namespace:", rollout.metadata.namespace ?? "default"),
        ]
        let badge = StatusBadge.rollout(status?.phase)
        lines.append(("Status:", style.paint(badge.plain, badge.color)))
        if let message = status?.message, !message.isEmpty {
            lines.append(("Message:", message))
        }
        lines.append(("Strategy:", view.strategyName))
        if !view.isBlueGreen, !view.isRollingUpdate {
            if let step = view.stepProgress { lines.append(("  Step:", step)) }
            lines.append(("  SetWeight:", "\(view.setWeight)"))
            lines.append(("  ActualWeight:", "\(view.actualWeight)"))
        }
        let images = imageLines(view)
        if images.isEmpty {
            lines.append(("Images:", "-"))
        } else {
            for (index, image) in images.enumerated() {
                lines.append((index == 0 ? "Images:" : "", image))
            }
        }
        lines.append(("Replicas:", ""))
        lines.append(("  Desired:", "\(rollout.spec.effectiveReplicas)"))
        lines.append(("  Current:", "\(status?.replicas ?? view.revisions.map(\.processes.count).reduce(0, +))"))
        lines.append(("  Updated:", "\(status?.updatedReplicas ?? 0)"))
        lines.append(("  Ready:", "\(status?.readyReplicas ?? 0)"))
        lines.append(("  Available:", "\(status?.availableReplicas ?? 0)"))
        for (index, listener) in view.listeners.enumerated() {
            lines.append((index == 0 ? "Listeners:" : "", "\(listener.name)  \(listener.url)"))
        }
        let width = 16
        return lines.map { label, value in
            let padded = label.padding(toLength: max(width, label.count + 1), withPad: " ", startingAt: 0)
            let line = padded + value
            return value.isEmpty ? label : line
        }.joined(separator: "\n")
    }

    /// One line per image of a revision with a role, e.g. `argoproj/rollouts-demo:blue (stable, active)`.
    func imageLines(_ view: RolloutView) -> [String] {
        var lines: [String] = []
        for revision in view.revisions where !revision.roles.isEmpty {
            for image in revision.images {
                let line = "\(image) (\(revision.roles.joined(separator: ", ")))"
                if !lines.contains(line) { lines.append(line) }
            }
        }
        return lines
    }

    // MARK: Tree

    func tree(_ view: RolloutView) -> String {
        let name = view.rollout.name
        let root = TreeNode(
            label: "⟳ \(name)", kind: view.kind, status: StatusBadge.rollout(view.rollout.status?.phase), info: "",
            children: view.revisions.map { revisionNode($0, view: view) } + unattachedRuns(view).map(runNode)
        )
        var table = TextTable(header: ["NAME", "KIND", "STATUS", "INFO"])
        append(root, prefix: "", childPrefix: "", to: &table)
        return table.rendered(style: style)
    }

    private func revisionNode(_ revision: RevisionView, view: RolloutView) -> TreeNode {
        let name = "\(view.rollout.name)-\(revision.hash)"
        var info = revision.roles
        if let scaleDownAt = revision.scaleDownAt { info.append("delay:\(scaleDownAt)") }
        let replicas = revision.processes.map { replica in
            TreeNode(
                label: "□ \(replica.name ?? "\(name)-\(replica.index)")", kind: replica.kind.rawValue, status: Self.replicaBadge(replica),
                info: Self.replicaInfo(replica), children: []
            )
        }
        let revisionSet = TreeNode(label: "⧉ \(name)", kind: "Revision", status: Self.revisionBadge(revision), info: info.joined(separator: ","), children: replicas)
        let runs = view.analysisRuns.filter { Self.revisionHash(of: $0) == revision.hash }.map(runNode)
        return TreeNode(label: "# revision:\(revision.number)", kind: "", status: nil, info: "", children: [revisionSet] + runs)
    }

    /// `pid:4242,127.0.0.1:50011,ready:1/1,restarts:0` for a process; `10.0.0.7:8080,node:worker-1,ready:1/1,restarts:0`
    /// for a pod. Only what the runtime knows is shown.
    static func replicaInfo(_ replica: ReplicaView) -> String {
        var parts: [String] = []
        if let pid = replica.pid { parts.append("pid:\(pid)") }
        if let address = replica.address { parts.append(address) }
        if let node = replica.node { parts.append("node:\(node)") }
        parts.append("ready:\(replica.isReady ? 1 : 0)/1")
        parts.append("restarts:\(replica.restarts)")
        return parts.joined(separator: ",")
    }

    private func runNode(_ run: AnalysisRunView) -> TreeNode {
        let phase = run.run.status?.phase ?? .pending
        let results = run.run.status?.metricResults ?? []
        let metrics = results.map { result in
            TreeNode(label: result.name, kind: "Metric", status: StatusBadge.analysis(result.phase), info: Self.lastValues(result), children: [])
        }
        return TreeNode(label: "α \(run.name)", kind: "AnalysisRun", status: StatusBadge.analysis(phase), info: Self.counts(results, role: run.role), children: metrics)
    }

    private func unattachedRuns(_ view: RolloutView) -> [AnalysisRunView] {
        let hashes = Set(view.revisions.map(\.hash))
        return view.analysisRuns.filter { run in Self.revisionHash(of: run).map { !hashes.contains($0) } ?? true }
    }

    private func append(_ node: TreeNode, prefix: String, childPrefix: String, to table: inout TextTable) {
        let status = node.status.map { TextTable.Cell($0.plain, color: $0.color) } ?? TextTable.Cell("")
        table.rows.append([TextTable.Cell(prefix + node.label), TextTable.Cell(node.kind), status, TextTable.Cell(node.info)])
        for (index, child) in node.children.enumerated() {
            let isLast = index == node.children.count - 1
            append(child, prefix: childPrefix + (isLast ? "└──" : "├──"), childPrefix: childPrefix + (isLast ? "   " : "│  "), to: &table)
        }
    }

    // MARK: Pieces

    /// The label naming the revision an analysis run measured, when the runtime sets it.
    static let revisionHashLabel = "rollouts-pod-template-hash"

    static func revisionHash(of run: AnalysisRunView) -> String? {
        run.run.metadata.labels?[revisionHashLabel]
    }

    /// Terminating, Running, NotReady; a process without a pid is Starting, a pod without an address Pending.
    static func replicaBadge(_ replica: ReplicaView) -> StatusBadge {
        if replica.isTerminating { return StatusBadge(symbol: "◌", text: "Terminating", color: .yellow) }
        if replica.isReady { return StatusBadge(symbol: "✔", text: "Running", color: .green) }
        switch replica.kind {
        case .process:
            if replica.pid == nil { return StatusBadge(symbol: "◌", text: "Starting", color: .yellow) }
        case .pod:
            if replica.address == nil { return StatusBadge(symbol: "◌", text: "Pending", color: .yellow) }
        }
        return StatusBadge(symbol: "◌", text: "NotReady", color: .yellow)
    }

    static func revisionBadge(_ revision: RevisionView) -> StatusBadge {
        if revision.replicas == 0 && revision.processes.isEmpty { return StatusBadge(symbol: "•", text: "ScaledDown", color: .gray) }
        if revision.ready >= revision.replicas && revision.available >= revision.replicas { return StatusBadge(symbol: "✔", text: "Healthy", color: .green) }
        return StatusBadge(symbol: "◌", text: "Progressing", color: .yellow)
    }

    /// `role,✔ 3,✖ 1` counts of a run's measurements, like Argo's tree.
    static func counts(_ results: [MetricResult], role: String) -> String {
        var parts = [role]
        let successful = results.map { $0.successful ?? 0 }.reduce(0, +)
        let failed = results.map { $0.failed ?? 0 }.reduce(0, +)
        let inconclusive = results.map { $0.inconclusive ?? 0 }.reduce(0, +)
        let errors = results.map { $0.error ?? 0 }.reduce(0, +)
        if successful > 0 { parts.append("✔ \(successful)") }
        if failed > 0 { parts.append("✖ \(failed)") }
        if inconclusive > 0 { parts.append("? \(inconclusive)") }
        if errors > 0 { parts.append("⚠ \(errors)") }
        return parts.filter { !$0.isEmpty }.joined(separator: ",")
    }

    /// The last three measured values, newest last, and the newest message when it failed.
    static func lastValues(_ result: MetricResult) -> String {
        let measurements = result.measurements ?? []
        var text = measurements.suffix(3).map { $0.value ?? "-" }.joined(separator: ", ")
        if let last = measurements.last, let message = last.message, !message.isEmpty {
            text += text.isEmpty ? message : " (\(message))"
        }
        return text
    }
}

/// One row of the tree and its children.
private struct TreeNode {
    var label: String
    var kind: String
    var status: StatusBadge?
    var info: String
    var children: [TreeNode]
}
