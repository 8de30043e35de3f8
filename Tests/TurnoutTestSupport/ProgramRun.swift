import Foundation

/// What a program printed and how it ended.
public struct ProgramResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String
}

/// A program that did not finish in time (it was stopped).
public struct ProgramTimeout: Error, CustomStringConvertible {
    /// The program and its arguments.
    public var command: [String]
    /// The time it had.
    public var seconds: Int
    public var description: String { "\(command.joined(separator: " ")) did not finish within \(seconds) s" }
}

/// Runs a program without a shell, with `environment` added to the test's own and no standard input, on a
/// Dispatch thread (keeping Swift's cooperative threads free for other tests). Both pipes are read while it
/// runs, so a full one cannot block it; after `timeout` seconds it is stopped and `ProgramTimeout` thrown.
public func runProgram(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil, timeout: Int = 60
) async throws -> ProgramResult {
    try await blockingWork {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = errors.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            process.terminate()
            throw ProgramTimeout(command: [executable.lastPathComponent] + arguments, seconds: timeout)
        }
        process.waitUntilExit()
        return ProgramResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
