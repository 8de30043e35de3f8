/// Where the Turnout-only status fields live when the store prunes them from `status`.
///
/// An `argoproj.io` Rollout CRD has a structural schema, so the API server drops `status.retries`,
/// `status.abortReason` and `status.canary.activeRoutes`. Analysis-run names depend on `retries`, so losing it
/// would make a retried update see the failed runs again. For such a store these fields are kept as annotations
/// on the Rollout (which no schema prunes); Turnout's own group keeps them in `status`.
public enum StatusExtensionAnnotation {
    /// `status.retries`, as a decimal number.
    public static let retries = "status.turnout.dev/retries"
    /// `status.abortReason`, as written.
    public static let abortReason = "status.turnout.dev/abort-reason"
    /// `status.canary.activeRoutes`, names joined by commas.
    public static let activeRoutes = "status.turnout.dev/active-routes"
    /// Every key above.
    public static let all = [retries, abortReason, activeRoutes]
}

extension APIGroup {
    /// Whether this group's CRD schema prunes Turnout-only status fields (then they go to annotations).
    public var prunesStatusExtensions: Bool {
        switch self {
        case .turnout: return false
        case .argo: return true
        }
    }
}

extension RolloutStatus {
    /// The Turnout-only fields as annotations; a field that is not set has no annotation.
    public var extensionAnnotations: [String: String] {
        var annotations: [String: String] = [:]
        if let retries, retries > 0 { annotations[StatusExtensionAnnotation.retries] = String(retries) }
        if let abortReason { annotations[StatusExtensionAnnotation.abortReason] = abortReason }
        if let routes = canary?.activeRoutes, !routes.isEmpty {
            annotations[StatusExtensionAnnotation.activeRoutes] = routes.joined(separator: ",")
        }
        return annotations
    }

    /// The status with the Turnout-only fields taken from annotations wherever the status itself lacks them.
    public func restoringExtensions(from annotations: [String: String]?) -> RolloutStatus {
        guard let annotations else { return self }
        var status = self
        if status.retries == nil, let text = annotations[StatusExtensionAnnotation.retries], let retries = Int(text), retries >= 0 {
            status.retries = retries
        }
        if status.abortReason == nil, let reason = annotations[StatusExtensionAnnotation.abortReason] {
            status.abortReason = reason
        }
        if status.canary?.activeRoutes == nil, let text = annotations[StatusExtensionAnnotation.activeRoutes] {
            let routes = text.split(separator: ",").map(String.init).filter { !$0.isEmpty }
            if !routes.isEmpty {
                var canary = status.canary ?? CanaryStatus()
                canary.activeRoutes = routes
                status.canary = canary
            }
        }
        return status
    }

    /// The status without its Turnout-only fields: what a pruning schema keeps.
    public var withoutExtensions: RolloutStatus {
        var status = self
        status.retries = nil
        status.abortReason = nil
        status.canary?.activeRoutes = nil
        return status
    }
}

extension Rollout {
    /// The rollout as a store of `group` holds it: for a pruning group the Turnout-only status fields move to
    /// annotations (stale ones removed); otherwise unchanged.
    public func storingStatusExtensions(for group: APIGroup) -> Rollout {
        guard group.prunesStatusExtensions, let status else { return self }
        var rollout = self
        var annotations = metadata.annotations ?? [:]
        for key in StatusExtensionAnnotation.all { annotations[key] = nil }
        annotations.merge(status.extensionAnnotations) { _, new in new }
        rollout.metadata.annotations = annotations.isEmpty ? nil : annotations
        rollout.status = status.withoutExtensions
        return rollout
    }

    /// The rollout as read from a store of `group`: the Turnout-only status fields restored from annotations.
    public func loadingStatusExtensions(for group: APIGroup) -> Rollout {
        guard group.prunesStatusExtensions else { return self }
        var rollout = self
        let restored = (status ?? RolloutStatus()).restoringExtensions(from: metadata.annotations)
        rollout.status = restored == RolloutStatus() ? status : restored
        return rollout
    }
}
