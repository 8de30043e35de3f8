/// Checks loaded manifests for the semantic mistakes users make; pure.
public enum Linter {
    /// Every semantic problem in a set of manifests, document by document, each ordered by where it points.
    public static func lint(_ set: ManifestSet) -> [Diagnostic] {
        let references = AnalysisReferenceRules(templates: set.analysisTemplates)
        var names = DuplicateNameRules()
        var diagnostics: [Diagnostic] = []
        for document in set.documents {
            var context = LintContext(fields: document.fieldLocations)
            names.check(document.object, in: &context)
            switch document.object {
            case .rollout(let rollout):
                RolloutRules.check(rollout, references: references, in: &context)
            case .analysisTemplate(let template):
                MetadataRules.checkName(template.metadata, kind: template.kind, in: &context)
                AnalysisTemplateRules.check(metrics: template.spec.metrics, args: template.spec.args, in: &context)
            case .analysisRun(let run):
                MetadataRules.checkName(run.metadata, kind: run.kind, in: &context)
                AnalysisTemplateRules.check(metrics: run.spec.metrics, args: run.spec.args, in: &context)
            case .other(let object):
                DeprecatedAPIRules.check(object, in: &context)
                ServiceRules.check(object, in: &context)
            }
            diagnostics += context.sortedDiagnostics
        }
        return diagnostics
    }
}
