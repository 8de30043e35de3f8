import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

extension ProcessSupervisorTests {
    @Test func outputGoesToRotatedLogsUnderTheStateDirectory() async throws {
        try await ProcessFixture.withSupervisor(logSizeLimit: 20_000) { supervisor, _, scratch in
            let rollout = ProcessFixture.rollout()
            try await supervisor.apply([ProcessFixture.target("h1", ProcessFixture.template(scratch.container(["chatty"])), replicas: 1)], deleting: [], for: rollout)
            let path = scratch.stateDirectory.appendingPathComponent("logs/web/h1-0.log").path
            func size(_ file: String) -> Int { ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? Int) ?? 0 }
            // Rotation renames .1 to .2, then the current file to .1: wait until both steps are visible.
            #expect(await ProcessFixture.eventually(within: 40) { FileManager.default.fileExists(atPath: path + ".2") && size(path + ".1") >= 20_000 })
            #expect(!FileManager.default.fileExists(atPath: path + ".3"))
            let tail = try #require(try await supervisor.logs(ofRollout: "web", revision: "h1", lines: 5).first)
            #expect(tail.index == 0 && tail.revisionHash == "h1")
            #expect(tail.lines.count == 5)
            #expect(tail.lines.last?.hasPrefix("line ") == true)
            #expect(try await supervisor.logs(ofRollout: "web", revision: "other", lines: 5).isEmpty)
        }
    }
}
