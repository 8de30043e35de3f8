extension LabelSelector {
    /// The selector as Kubernetes writes it (`metav1.FormatLabelSelector`): requirements sorted by key,
    /// `key=value`, `key in (a,b)`, `key notin (a,b)`, `key`, `!key`, joined by commas; `<none>` when empty.
    public var text: String {
        var parts: [(key: String, text: String)] = []
        for (key, value) in matchLabels ?? [:] {
            parts.append((key, "\(key)=\(value)"))
        }
        for requirement in matchExpressions ?? [] {
            let values = (requirement.values ?? []).sorted().joined(separator: ",")
            switch requirement.operator {
            case "In": parts.append((requirement.key, "\(requirement.key) in (\(values))"))
            case "NotIn": parts.append((requirement.key, "\(requirement.key) notin (\(values))"))
            case "Exists": parts.append((requirement.key, requirement.key))
            case "DoesNotExist": parts.append((requirement.key, "!\(requirement.key)"))
            default: parts.append((requirement.key, "\(requirement.key) \(requirement.operator) (\(values))"))
            }
        }
        let sorted = parts.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element.text)
        return sorted.isEmpty ? "<none>" : sorted.joined(separator: ",")
    }

    /// The selector with one more label required, e.g. a revision's pod-template hash.
    public func adding(label key: String, value: String) -> LabelSelector {
        var selector = self
        var labels = matchLabels ?? [:]
        labels[key] = value
        selector.matchLabels = labels
        return selector
    }
}
