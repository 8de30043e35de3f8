import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

@Suite struct ReplicaLogsTests {
    static func withLogs(sizeLimit: Int = 100, kept: Int = 2, _ body: (ReplicaLogs) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-logs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(ReplicaLogs(directory: directory, sizeLimit: sizeLimit, keptFiles: kept))
    }

    static func append(_ lines: [String], to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        _ = try handle.seekToEnd()
        handle.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        try handle.close()
    }

    @Test func pathsAreRolloutFolderThenRevisionAndIndex() throws {
        try Self.withLogs { logs in
            #expect(logs.path(of: ReplicaKey(rollout: "web", revisionHash: "6b8b", index: 2)).hasSuffix("/web/6b8b-2.log"))
            #expect(logs.path(of: ReplicaKey(rollout: "../etc", revisionHash: "a/b", index: 0)).hasSuffix("/.._etc/a_b-0.log"))
        }
    }

    @Test func rotationCopiesThenTruncatesAndKeepsTheNewestFiles() throws {
        try Self.withLogs(sizeLimit: 100, kept: 2) { logs in
            let key = ReplicaKey(rollout: "web", revisionHash: "aaa", index: 0)
            let path = logs.path(of: key)
            try Self.append(["small"], to: path)
            #expect(!logs.rotateIfNeeded(key))
            for generation in 1...3 {
                try Self.append((1...10).map { "generation \(generation) line \($0)" }, to: path)
                #expect(logs.rotateIfNeeded(key))
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
            }
            let newest = try String(contentsOfFile: path + ".1", encoding: .utf8)
            let older = try String(contentsOfFile: path + ".2", encoding: .utf8)
            #expect(newest.hasPrefix("generation 3"))
            #expect(older.hasPrefix("generation 2"))
            #expect(!FileManager.default.fileExists(atPath: path + ".3"))
        }
    }

    @Test func tailReadsTheLastLinesOfEachReplicaAcrossRotatedFiles() throws {
        try Self.withLogs(sizeLimit: 1 << 20) { logs in
            let first = ReplicaKey(rollout: "web", revisionHash: "aaa", index: 0)
            let second = ReplicaKey(rollout: "web", revisionHash: "bbb", index: 1)
            try Self.append((1...3).map { "old \($0)" }, to: logs.path(of: first) + ".1")
            try Self.append((1...2).map { "new \($0)" }, to: logs.path(of: first))
            try Self.append(["other"], to: logs.path(of: second))
            let tails = try logs.tail(rollout: "web", lines: 4)
            #expect(tails.map(\.revisionHash) == ["aaa", "bbb"])
            #expect(tails.first?.lines == ["old 2", "old 3", "new 1", "new 2"])
            #expect(tails.last?.lines == ["other"])
            #expect(try logs.tail(rollout: "web", revision: "bbb", lines: 10).map(\.index) == [1])
            #expect(try logs.tail(rollout: "none", lines: 10).isEmpty)
            #expect(try logs.tail(rollout: "web", lines: 1).first?.lines == ["new 2"])
        }
    }

    @Test func tailOfALargeFileReadsOnlyItsEnd() throws {
        try Self.withLogs(sizeLimit: 1 << 30) { logs in
            let key = ReplicaKey(rollout: "web", revisionHash: "aaa", index: 0)
            try Self.append((1...20_000).map { "line \($0) " + String(repeating: "x", count: 20) }, to: logs.path(of: key))
            let lines = try #require(try logs.tail(rollout: "web", lines: 3).first).lines
            #expect(lines.map { $0.split(separator: " ")[1] } == ["19998", "19999", "20000"])
        }
    }
}
