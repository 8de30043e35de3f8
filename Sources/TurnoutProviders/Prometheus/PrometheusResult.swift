import Foundation
import TurnoutCore

/// Turns a Prometheus HTTP API answer into the value conditions see as `result` (Argo's mapping):
/// a vector is a list of its samples' numbers (`[0.97]` for one series, `[]` for none); a scalar is its
/// number; a matrix (range query) is a list per series of its numbers; a string is its text.
/// Sample values `NaN`, `+Inf`, `-Inf` become those numbers.
enum PrometheusResult {
    /// The result, or why the answer is not one.
    static func value(of response: ProviderResponse, url: String) -> Result<JSONValue, ProviderError> {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
        } catch {
            if !(200..<300).contains(response.status) {
                return .failure(.badStatus(url: url, status: response.status, body: response.excerpt))
            }
            return .failure(.badResponse(url: url, reason: "the body is not JSON: \(response.excerpt)"))
        }
        guard case .object(let top) = document else { return .failure(.badResponse(url: url, reason: "expected a JSON object")) }
        if top["status"] == .string("error") || !(200..<300).contains(response.status) {
            if case .string(let error)? = top["error"] {
                let errorType = top["errorType"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? "error"
                return .failure(.queryFailed(errorType: errorType, error: error))
            }
            return .failure(.badStatus(url: url, status: response.status, body: response.excerpt))
        }
        guard case .object(let data)? = top["data"], case .string(let resultType)? = data["resultType"], let result = data["result"] else {
            return .failure(.badResponse(url: url, reason: "no data.resultType and data.result"))
        }
        switch (resultType, result) {
        case ("scalar", .array(let pair)), ("string", .array(let pair)):
            guard pair.count == 2, case .string(let text) = pair[1] else { return .failure(.badResponse(url: url, reason: "a \(resultType) is [time, \"value\"]")) }
            if resultType == "string" { return .success(.string(text)) }
            guard let number = number(text) else { return .failure(.badResponse(url: url, reason: "\"\(text)\" is not a number")) }
            return .success(.double(number))
        case ("vector", .array(let samples)):
            var numbers: [JSONValue] = []
            for sample in samples {
                guard case .object(let members) = sample, case .array(let pair)? = members["value"], pair.count == 2,
                    case .string(let text) = pair[1], let value = number(text)
                else { return .failure(.badResponse(url: url, reason: "a vector sample needs \"value\": [time, \"number\"]")) }
                numbers.append(.double(value))
            }
            return .success(.array(numbers))
        case ("matrix", .array(let series)):
            var all: [JSONValue] = []
            for entry in series {
                guard case .object(let members) = entry, case .array(let values)? = members["values"] else {
                    return .failure(.badResponse(url: url, reason: "a matrix series needs \"values\""))
                }
                var numbers: [JSONValue] = []
                for point in values {
                    guard case .array(let pair) = point, pair.count == 2, case .string(let text) = pair[1], let value = number(text) else {
                        return .failure(.badResponse(url: url, reason: "a matrix point is [time, \"number\"]"))
                    }
                    numbers.append(.double(value))
                }
                all.append(.array(numbers))
            }
            return .success(.array(all))
        default:
            return .failure(.badResponse(url: url, reason: "unsupported resultType \"\(resultType)\""))
        }
    }

    /// The samples of a vector answer with their labels (for queries grouped `by` a label); another result
    /// type is a bad response.
    static func samples(of response: ProviderResponse, url: String) -> Result<[PrometheusSample], ProviderError> {
        guard (200..<300).contains(response.status), let document = try? JSONDecoder().decode(JSONValue.self, from: Data(response.body)),
            case .object(let top) = document, top["status"] == .string("success"),
            case .object(let data)? = top["data"], data["resultType"] == .string("vector"), case .array(let samples)? = data["result"]
        else {
            return value(of: response, url: url).flatMap { _ in .failure(.badResponse(url: url, reason: "expected a vector")) }
        }
        var result: [PrometheusSample] = []
        for sample in samples {
            guard case .object(let members) = sample, case .array(let pair)? = members["value"], pair.count == 2,
                case .string(let text) = pair[1], let value = number(text)
            else { return .failure(.badResponse(url: url, reason: "a vector sample needs \"value\": [time, \"number\"]")) }
            var labels: [String: String] = [:]
            if case .object(let metric)? = members["metric"] {
                for (name, label) in metric { if case .string(let text) = label { labels[name] = text } }
            }
            result.append(PrometheusSample(labels: labels, value: value))
        }
        return .success(result)
    }

    /// A sample value: a decimal, `NaN`, `+Inf` or `-Inf`.
    static func number(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(text)
        }
    }
}

/// One sample of a vector: its labels and value.
public struct PrometheusSample: Sendable, Hashable {
    /// The series' labels.
    public var labels: [String: String]
    /// The sample's value.
    public var value: Double

    /// Creates a sample.
    public init(labels: [String: String], value: Double) {
        self.labels = labels
        self.value = value
    }
}
