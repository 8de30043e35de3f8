import AsyncHTTPClient
import Foundation
import NIOCore
import TurnoutDemoApp

/// Answers of `GET /color` through an address: how many of each colour, how many failed.
struct ColorSample: Sendable, CustomStringConvertible {
    var colors: [String: Int] = [:]
    var failures: [String] = []

    var total: Int { colors.values.reduce(0, +) + failures.count }

    /// The percentage of answers in a colour.
    func share(of color: String) -> Double {
        total == 0 ? 0 : Double(colors[color] ?? 0) * 100 / Double(total)
    }

    var description: String { "\(colors) failures: \(failures.count) \(failures.prefix(3))" }

    /// Sends one request and records its answer.
    mutating func record(from address: String) async {
        do {
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://\(address)/color"), timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 64 * 1024)
            guard response.status == .ok, let reply = try? JSONDecoder().decode(ColorReply.self, from: Data(buffer: body)) else {
                failures.append("status \(response.status.code): \(String(buffer: body))")
                return
            }
            colors[reply.color, default: 0] += 1
        } catch {
            failures.append("\(error)")
        }
    }

    /// Sends `count` requests one after another.
    static func take(_ count: Int, from address: String) async -> ColorSample {
        var sample = ColorSample()
        for _ in 0..<count { await sample.record(from: address) }
        return sample
    }
}

/// Keeps sending requests to an address from several clients until stopped, counting every answer.
final class LoadGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var sample = ColorSample()
    private var tasks: [Task<Void, Never>] = []
    private var isRunning = true

    /// Starts `clients` loops against `address`.
    init(address: String, clients: Int = 4) {
        for _ in 0..<clients {
            tasks.append(Task { [self] in
                while self.running {
                    var one = ColorSample()
                    await one.record(from: address)
                    self.add(one)
                }
            })
        }
    }

    private var running: Bool { lock.withLock { isRunning } }

    private func add(_ one: ColorSample) {
        lock.withLock {
            for (color, count) in one.colors { sample.colors[color, default: 0] += count }
            sample.failures += one.failures
        }
    }

    /// What was answered so far.
    var current: ColorSample { lock.withLock { sample } }

    /// Stops the clients and returns everything answered.
    func stop() async -> ColorSample {
        lock.withLock { isRunning = false }
        for task in tasks { await task.value }
        return current
    }
}
