import Foundation
import Testing
import TurnoutCore
import TurnoutLocal
import TurnoutTestSupport
#if canImport(Glibc)
import Glibc
#endif

extension LocalStoreTests {
    /// Runs only in a child process started by `killedWriterLeavesEveryWriteWholeOrAbsent`.
    @Test(.enabled(if: CrashWriter.directory != nil, "runs only as the child of the kill -9 test"))
    func crashWriterChild() throws {
        guard let directory = CrashWriter.directory else { return }
        try CrashWriter.run(in: directory)
    }

    @Test(.enabled(if: CrashWriter.directory == nil && FileManager.default.fileExists(atPath: "/proc/self/exe"), "re-executes the test binary through /proc/self/exe"),
          .timeLimit(.minutes(2)))
    func killedWriterLeavesEveryWriteWholeOrAbsent() async throws {
        let directory = StoreFixture.stateDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        var random = SplitMix64(seed: 42)
        var previous: CrashWriter.State?
        for round in 1...10 {
            let delay = Int.random(in: 0..<40, using: &random)
            let acknowledged = try await blockingWork { try Self.runWriterUntilKilled(directory: directory, delayMilliseconds: delay) }
            let store = try LocalStore(directory: directory, clock: FixedClock(), eventLimit: CrashWriter.eventLimit)
            #expect(try store.integrityCheck() == ["ok"], "round \(round)")
            let state = try #require(try CrashWriter.state(of: store), "round \(round): nothing stored after \(acknowledged) acknowledged batches")
            try store.close()
            // Nothing acknowledged is lost; later parts of a batch are at most one batch behind its apply.
            #expect(state.objects >= acknowledged, "round \(round)")
            #expect(state.objects > (previous?.objects ?? 0), "round \(round): the writer made no progress")
            #expect(state.status.map { state.objects - $0 } .map { (0...1).contains($0) } ?? (state.objects == 1), "round \(round): \(state)")
            #expect(state.targets.map { state.objects - $0 } .map { (0...1).contains($0) } ?? (state.objects == 1), "round \(round): \(state)")
            #expect(state.events == state.events.sorted() && Set(state.events).count == state.events.count, "round \(round): \(state)")
            if let newest = state.events.last { #expect((0...1).contains(state.objects - newest), "round \(round): \(state)") }
            previous = state
        }
    }

    /// Starts the writer child, kills it with SIGKILL `delayMilliseconds` after its first committed batch, and
    /// returns the last batch it reported committed. Blocks its thread while the child runs.
    private static func runWriterUntilKilled(directory: URL, delayMilliseconds: Int) throws -> Int {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments = ["--testing-library", "swift-testing", "--filter", "crashWriterChild"]
        var environment = ProcessInfo.processInfo.environment
        environment[CrashWriter.directoryVariable] = directory.path
        child.environment = environment
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        var text = ""
        while !text.contains(CrashWriter.committedMarker) {
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
        }
        usleep(UInt32(delayMilliseconds * 1_000))
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(child.terminationReason == .uncaughtSignal, "the writer ended by itself: \(text.suffix(2_000))")
        let batches = text.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix(CrashWriter.committedMarker + " ") else { return nil }
            return Int(line.dropFirst(CrashWriter.committedMarker.count + 1))
        }
        return try #require(batches.last, "the writer committed nothing: \(text.suffix(2_000))")
    }
}
