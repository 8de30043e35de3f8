import TurnoutService

/// `turnout apply`: `Rollout/demo created` per object, then where each listener accepts traffic.
public enum ApplyResponseRenderer {
    /// The lines for standard output.
    public static func render(_ response: ApplyResponse) -> String {
        var lines = response.outcomes.map { "\($0.kind)/\($0.name) \($0.result)" }
        lines += response.listeners.map { "\($0.name) listening on \($0.url)" }
        return lines.joined(separator: "\n")
    }

    /// The warnings for standard error, one `FILE:LINE:COL: warning: field.path: message` each.
    public static func renderWarnings(_ response: ApplyResponse) -> String {
        response.warnings.map(\.rendered).joined(separator: "\n")
    }
}
