import Foundation

extension Metric {
    /// The metric with every `{{args.NAME}}` in any of its string fields (query, address, url, headers,
    /// body, jsonPath, job command and args, conditions, ...) replaced by the argument's value.
    ///
    /// Throws `undeclared` for a placeholder without a value, `invalidMetric` when the result no longer decodes.
    public func substitutingArguments(_ values: [String: String]) throws(AnalysisArgumentError) -> Metric {
        guard let data = try? JSONEncoder().encode(self), let document = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw .invalidMetric(metric: name, reason: "it cannot be encoded")
        }
        var missing: [String] = []
        let substituted = Self.substitute(document, values: values, missing: &missing, depth: 0)
        if let first = missing.first { throw .undeclared(argument: first, metric: name) }
        if substituted == document { return self }
        do {
            return try substituted.decoded(as: Metric.self)
        } catch {
            throw .invalidMetric(metric: name, reason: "\(error)")
        }
    }

    private static func substitute(_ value: JSONValue, values: [String: String], missing: inout [String], depth: Int) -> JSONValue {
        guard depth < 64 else { return value }
        switch value {
        case .string(let text):
            let replaced = ArgumentPlaceholders.replacing(in: text, values: values)
            missing += replaced.missing
            return .string(replaced.text)
        case .array(let elements):
            return .array(elements.map { substitute($0, values: values, missing: &missing, depth: depth + 1) })
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for key in members.keys.sorted() {
                result[key] = substitute(members[key]!, values: values, missing: &missing, depth: depth + 1)
            }
            return .object(result)
        case .null, .bool, .int, .double:
            return value
        }
    }
}
