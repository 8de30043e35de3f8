/// Checks a rollout's references to analysis templates against the templates loaded with it.
struct AnalysisReferenceRules {
    private struct Key: Hashable {
        var name: String
        var isClusterScoped: Bool
    }

    private let loaded: Set<Key>

    /// Remembers the names of the loaded templates, namespaced and cluster-scoped apart.
    init(templates: [AnalysisTemplate]) {
        loaded = Set(templates.map { Key(name: $0.name, isClusterScoped: $0.isClusterScoped) })
    }

    /// Reports an analysis without templates, empty names, templates not in the files, and malformed arguments.
    func check(_ analysis: RolloutAnalysis, at path: LintContext.Path, in context: inout LintContext) {
        let templates = analysis.templates ?? []
        let isWritten = ["templates", "templateName"].contains { context.isWritten(path + [.key($0)]) }
        if templates.isEmpty && analysis.templateName == nil && (analysis.templates != nil || !isWritten) {
            context.error(
                path + [.key("templates")], "an analysis needs at least one template",
                fix: "add `templates: [{templateName: NAME}]`")
        }
        for (index, reference) in templates.enumerated() {
            checkReference(
                reference.templateName, isClusterScoped: reference.clusterScope ?? false,
                at: path + [.key("templates"), .index(index), .key("templateName")], in: &context)
        }
        if let name = analysis.templateName {
            checkReference(name, isClusterScoped: false, at: path + [.key("templateName")], in: &context)
        }
        for (index, argument) in (analysis.args ?? []).enumerated() {
            let argumentPath = path + [.key("args"), .index(index)]
            if argument.name.isEmpty {
                context.error(argumentPath + [.key("name")], "an argument needs a name", fix: "use the name the template declares under spec.args")
            }
            if let hash = argument.valueFrom?.podTemplateHashValue, hash != "Stable", hash != "Latest" {
                context.error(
                    argumentPath + [.key("valueFrom"), .key("podTemplateHashValue")],
                    "podTemplateHashValue must be Stable or Latest, got `\(hash)`", fix: "use Stable or Latest")
            }
        }
    }

    private func checkReference(_ name: String, isClusterScoped: Bool, at path: LintContext.Path, in context: inout LintContext) {
        guard !name.isEmpty else {
            context.error(path, "templateName is empty", fix: "name an AnalysisTemplate")
            return
        }
        guard !loaded.contains(Key(name: name, isClusterScoped: isClusterScoped)) else { return }
        let kind = isClusterScoped ? "cluster analysis template" : "analysis template"
        let otherScope = loaded.contains(Key(name: name, isClusterScoped: !isClusterScoped))
        let fix: String? = switch (otherScope, isClusterScoped) {
        case (true, true): "an AnalysisTemplate `\(name)` is in these files; remove `clusterScope: true` to use it"
        case (true, false): "a ClusterAnalysisTemplate `\(name)` is in these files; add `clusterScope: true` to use it"
        case (false, _): nil
        }
        context.warning(path, "\(kind) `\(name)` is not in these files; it must exist when the rollout runs", fix: fix)
    }
}
