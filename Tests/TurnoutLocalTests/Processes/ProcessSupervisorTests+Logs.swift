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
            #expect(await ProcessFixture.eventually(within: 40) { FileManager.default.fileExists(atPath: path + ".2") })
            let size = (try FileManager.default.attributesOfItem(atPath: path + ".1")[.size] as? Int) ?? 0
            #expect(size >= 20_000)
            #expect(!FileManager.default.fileExists(atPath: path + ".3"))
            let tail = try #require(try await supervisor.logs(ofRollout: "web", revision: "h1", lines: 5).first)
            #expect(tail.index == 0 && tail.revisionHash == "h1")
            #expect(tail.lines.count == 5)
            #expect(tail.lines.last?.hasPrefix("line ") == true)
            #expect(try await supervisor.logs(ofRollout: "web", revision: "other", lines: 5).isEmpty)
        }
    }
}
