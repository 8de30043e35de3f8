/// Matches a metric name against a `dryRun` or `measurementRetention` entry's `metricName`.
///
/// Argo treats `metricName` as an unanchored regular expression (`rate` would also pick
/// `error-rate-total`); Turnout requires the whole name to match, so a plain name means that metric
/// and `.*` means all. A pattern that is not a valid regular expression matches only the identical name.
enum MetricNamePattern {
    /// Whether `pattern` selects `name`.
    static func matches(_ pattern: String, _ name: String) -> Bool {
        if pattern == name { return true }
        guard let regex = try? Regex(pattern) else { return false }
        return (try? regex.wholeMatch(in: name)) != nil
    }
}
