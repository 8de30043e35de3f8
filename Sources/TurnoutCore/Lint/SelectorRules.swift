/// Checks a rollout's label selector against its pod template's labels.
enum SelectorRules {
    private static let operators = ["In", "NotIn", "Exists", "DoesNotExist"]

    /// Reports an empty selector, malformed requirements, and every label the template does not satisfy.
    static func check(_ selector: LabelSelector, template: PodTemplate?, in context: inout LintContext) {
        let path: LintContext.Path = [.key("spec"), .key("selector")]
        let matchLabels = selector.matchLabels ?? [:]
        let expressions = selector.matchExpressions ?? []
        if matchLabels.isEmpty && expressions.isEmpty {
            context.error(
                path, "an empty selector is invalid: it would select every pod",
                fix: "add matchLabels with the labels of spec.template.metadata.labels")
            return
        }
        let labels = template?.labels
        for (key, value) in matchLabels.sorted(by: { $0.key < $1.key }) {
            guard let labels else { break }
            let labelPath = path + [.key("matchLabels"), .key(key)]
            if let actual = labels[key] {
                if actual != value {
                    context.error(
                        labelPath,
                        "selector does not match template labels: `\(key)` is `\(value)` here but `\(actual)` in spec.template.metadata.labels",
                        fix: "use the same value in both places")
                }
            } else {
                context.error(
                    labelPath, "selector does not match template labels: spec.template.metadata.labels has no `\(key)`",
                    fix: "add `\(key): \(value)` to spec.template.metadata.labels")
            }
        }
        for (index, requirement) in expressions.enumerated() {
            let requirementPath = path + [.key("matchExpressions"), .index(index)]
            if let problem = problem(with: requirement) {
                context.error(requirementPath + [.key("operator")], problem.message, fix: problem.fix)
            } else if let labels, !requirement.matches(labels) {
                context.error(
                    requirementPath,
                    "selector does not match template labels: spec.template.metadata.labels fail `\(describe(requirement))`",
                    fix: "change the requirement or the template's labels so the template's pods are selected")
            }
        }
    }

    private static func problem(with requirement: LabelSelector.Requirement) -> (message: String, fix: String)? {
        let values = requirement.values ?? []
        switch requirement.operator {
        case "In", "NotIn":
            guard values.isEmpty else { return nil }
            return ("`\(requirement.operator)` needs at least one value", "add `values: [...]`")
        case "Exists", "DoesNotExist":
            guard !values.isEmpty else { return nil }
            return ("`\(requirement.operator)` takes no values", "remove `values`")
        default:
            return ("`\(requirement.operator)` is not a selector operator", "use one of \(operators.joined(separator: ", "))")
        }
    }

    private static func describe(_ requirement: LabelSelector.Requirement) -> String {
        let values = requirement.values ?? []
        return values.isEmpty
            ? "\(requirement.key) \(requirement.operator)"
            : "\(requirement.key) \(requirement.operator) (\(values.joined(separator: ", ")))"
    }
}
