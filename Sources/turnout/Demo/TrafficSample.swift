import AsyncHTTPClient
import Foundation
import NIOCore
import TurnoutDemoApp

/// What a number of `GET /color` requests through an address answered: how many of each colour, how many failed.
struct TrafficSample: Sendable, Hashable {
    /// Answers by colour.
    var colors: [String: Int] = [:]
    /// Requests that failed or answered with an error.
    var failures = 0

    /// All requests sent.
    var total: Int { colors.values.reduce(0, +) + failures }

    /// The percentage of requests a colour answered.
    func share(of color: String) -> Double {
        total == 0 ? 0 : Double(colors[color] ?? 0) * 100 / Double(total)
    }

    /// Whether every request succeeded, no other colour answered, and each colour's share lies within 3
    /// points of the range its weights in `from` and `to` span (the same weights: within 3 points of them).
    func fits(between from: [String: Int], and to: [String: Int]) -> Bool {
        let expected = Set(from.keys).union(to.keys)
        return failures == 0 && Set(colors.keys).isSubset(of: expected) && expected.allSatisfy { color in
            let (low, high) = (Double(min(from[color] ?? 0, to[color] ?? 0)), Double(max(from[color] ?? 0, to[color] ?? 0)))
            return share(of: color) >= low - 3 && share(of: color) <= high + 3
        }
    }

    /// `80% blue, 20% green` (largest first).
    var description: String {
        var parts = colors.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { String(format: "%.0f%% %@", share(of: $0.key), $0.key) }
        if failures > 0 { parts.append("\(failures) failed") }
        return parts.isEmpty ? "no answers" : parts.joined(separator: ", ")
    }

    /// Sends `requests` requests to `GET http://ADDRESS/color`, one after another.
    static func take(_ requests: Int, from address: String) async -> TrafficSample {
        var sample = TrafficSample()
        for _ in 0..<requests {
            do {
                let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://\(address)/color"), timeout: .seconds(5))
                let body = try await response.body.collect(upTo: 64 * 1024)
                if response.status == .ok, let reply = try? JSONDecoder().decode(ColorReply.self, from: Data(buffer: body)), reply.error == nil {
                    sample.colors[reply.color, default: 0] += 1
                } else {
                    sample.failures += 1
                }
            } catch {
                sample.failures += 1
            }
        }
        return sample
    }
}
