/// Checks one canary step: at least one action, at most one of the exclusive ones, and each action's values
/// and prerequisites.
///
/// Argo forbids only two of setWeight, pause, analysis and experiment in one step; setCanaryScale,
/// setHeaderRoute, setMirrorRoute and plugin combine with any of them (the engine sets replicas and routes
/// first, then waits for the pause or analysis).
enum CanaryStepRules {
    private static let actionKeys = ["setWeight", "pause", "analysis", "setCanaryScale", "setHeaderRoute", "setMirrorRoute", "experiment", "plugin"]
    /// The actions Argo's `hasMultipleStepsType` allows only one of.
    static let exclusiveActions: Set<String> = ["setWeight", "pause", "analysis", "experiment"]

    /// Reports every problem of the step at `path`.
    static func check(
        _ step: CanaryStep, at path: LintContext.Path, canary: CanaryStrategy, references: AnalysisReferenceRules,
        in context: inout LintContext
    ) {
        let actions = step.actionNames
        // An action that is written but failed to decode was reported by the loader.
        let isActionWritten = actionKeys.contains { context.isWritten(path + [.key($0)]) }
        if actions.isEmpty, !isActionWritten {
            context.error(
                path, "a step needs one action: setWeight, pause, analysis, setCanaryScale, setHeaderRoute or setMirrorRoute",
                fix: "e.g. `- setWeight: 20` or `- pause: {duration: 30s}`")
        } else if case let exclusive = actions.filter(exclusiveActions.contains), exclusive.count > 1 {
            context.error(
                path, "a step takes only one of setWeight, pause, analysis and experiment; this one has \(list(exclusive))",
                fix: "split it into one step per action")
        }
        if let weight = step.setWeight {
            let maximum = canary.maxTrafficWeight
            if maximum >= 1, weight < 0 || weight > maximum {
                context.error(
                    path + [.key("setWeight")], "setWeight must be between 0 and \(maximum), got \(weight)",
                    fix: "use a weight from 0 to \(maximum)")
            }
        }
        if let duration = step.pause?.duration, duration.isArgumentPlaceholder {
            context.error(
                path + [.key("pause"), .key("duration")], "a pause duration cannot take `{{args...}}`: only analysis metrics are substituted",
                fix: "write the duration, e.g. `30s`")
        } else if let duration = step.pause?.duration, duration.seconds < 0 {
            context.error(path + [.key("pause"), .key("duration")], "a pause cannot be negative", fix: "use a duration such as 30s")
        }
        if let scale = step.setCanaryScale {
            checkScale(scale, at: path + [.key("setCanaryScale")], canary: canary, in: &context)
        }
        if let route = step.setHeaderRoute {
            let routePath = path + [.key("setHeaderRoute")]
            checkRouteName(route.name, action: "setHeaderRoute", at: routePath, canary: canary, in: &context)
            for (index, match) in (route.match ?? []).enumerated() {
                let matchPath = routePath + [.key("match"), .index(index)]
                if match.headerName.isEmpty {
                    context.error(matchPath + [.key("headerName")], "a header match needs a headerName", fix: "name the request header to match")
                }
                checkStringMatch(match.headerValue, at: matchPath + [.key("headerValue")], in: &context)
            }
        }
        if let mirror = step.setMirrorRoute {
            checkMirror(mirror, at: path + [.key("setMirrorRoute")], canary: canary, in: &context)
        }
        let skipped: [(String, Bool)] = [("experiment", step.experiment != nil), ("plugin", step.plugin != nil)]
        for (name, isSet) in skipped where isSet {
            context.warning(
                path + [.key(name)], "\(name) steps are not run by Turnout; the step is skipped",
                fix: "replace it with an analysis step to judge the canary")
        }
        if let analysis = step.analysis {
            references.check(analysis, at: path + [.key("analysis")], in: &context)
        }
    }

    private static func checkScale(_ scale: SetCanaryScale, at path: LintContext.Path, canary: CanaryStrategy, in context: inout LintContext) {
        if canary.trafficRouting == nil {
            context.error(
                path, "setCanaryScale needs trafficRouting",
                fix: "add trafficRouting, or remove the step: without routing the canary's size follows setWeight")
        }
        let chosen = [("weight", scale.weight != nil), ("replicas", scale.replicas != nil), ("matchTrafficWeight", scale.matchTrafficWeight == true)]
            .filter(\.1).map(\.0)
        if chosen.isEmpty, !["weight", "replicas"].contains(where: { context.isWritten(path + [.key($0)]) }) {
            context.error(path, "setCanaryScale needs one of weight, replicas or matchTrafficWeight: true", fix: "e.g. `setCanaryScale: {replicas: 1}`")
        } else if chosen.count > 1 {
            // Argo's order: matchTrafficWeight cancels the override, else replicas, else weight.
            let used = ["matchTrafficWeight", "replicas", "weight"].first(where: chosen.contains) ?? chosen[0]
            context.warning(
                path, "setCanaryScale has \(list(chosen)); only \(used) is used, as in Argo Rollouts",
                fix: "keep one of them")
        }
        if let weight = scale.weight, weight < 0 {
            context.error(path + [.key("weight")], "weight cannot be negative, got \(weight)", fix: "use a percent of spec.replicas, 0 or more")
        } else if let weight = scale.weight, weight > 100 {
            context.warning(
                path + [.key("weight")], "weight \(weight) asks for more canary pods than spec.replicas (\(weight)% of it)",
                fix: "use at most 100 unless the canary is meant to run more pods than the stable")
        }
        if let replicas = scale.replicas, replicas < 0 {
            context.error(path + [.key("replicas")], "replicas cannot be negative, got \(replicas)", fix: "use 0 or more")
        }
    }

    private static func checkMirror(_ mirror: SetMirrorRoute, at path: LintContext.Path, canary: CanaryStrategy, in context: inout LintContext) {
        checkRouteName(mirror.name, action: "setMirrorRoute", at: path, canary: canary, in: &context)
        if let percentage = mirror.percentage, percentage < 0 || percentage > 100 {
            context.error(path + [.key("percentage")], "percentage must be between 0 and 100, got \(percentage)", fix: "use a percent of matching requests from 0 to 100")
        }
        for (index, match) in (mirror.match ?? []).enumerated() {
            let matchPath = path + [.key("match"), .index(index)]
            if let method = match.method { checkStringMatch(method, at: matchPath + [.key("method")], in: &context) }
            if let requestPath = match.path { checkStringMatch(requestPath, at: matchPath + [.key("path")], in: &context) }
            for (name, value) in (match.headers ?? [:]).sorted(by: { $0.key < $1.key }) {
                checkStringMatch(value, at: matchPath + [.key("headers"), .key(name)], in: &context)
            }
        }
    }

    private static func checkRouteName(_ name: String, action: String, at path: LintContext.Path, canary: CanaryStrategy, in context: inout LintContext) {
        guard let routing = canary.trafficRouting else {
            context.error(
                path, "\(action) needs trafficRouting with managedRoutes",
                fix: "add trafficRouting with `managedRoutes: [{name: \(name.isEmpty ? "NAME" : name)}]`")
            return
        }
        guard !name.isEmpty else {
            context.error(path + [.key("name")], "\(action) needs a route name", fix: "name one of trafficRouting.managedRoutes")
            return
        }
        if !(routing.managedRoutes ?? []).contains(where: { $0.name == name }) {
            context.error(
                path + [.key("name")], "route `\(name)` is not in trafficRouting.managedRoutes",
                fix: "add `- name: \(name)` to spec.strategy.canary.trafficRouting.managedRoutes")
        }
    }

    private static func checkStringMatch(_ match: StringMatch, at path: LintContext.Path, in context: inout LintContext) {
        let set = [("exact", match.exact), ("prefix", match.prefix), ("regex", match.regex)].filter { $0.1 != nil }.map(\.0)
        if set.count != 1 {
            context.error(
                path, set.isEmpty ? "a match needs one of exact, prefix or regex" : "a match takes one of exact, prefix or regex; this one has \(list(set))",
                fix: "keep exactly one of them")
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }
}
