import Foundation
import Testing
import TurnoutTestSupport

@Suite(.serialized) struct DemoCommandTests {
    @Test func demoRunsTheWholeTourWithoutWaiting() async throws {
        let result = try await TurnoutBinary.run(["demo", "--no-wait"], timeout: 240)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Preview serves green while active still serves blue."))
        #expect(result.stdout.contains("80% blue, 20% yellow"))
        #expect(result.stdout.contains("Aborted: all traffic went back to yellow"))
        #expect(result.stdout.contains("== Done =="))
    }

    @Test func ctrlCStopsEveryProcessAndRemovesTheState() async throws {
        let process = Process()
        process.executableURL = TurnoutBinary.url
        process.arguments = ["demo"]
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read until the tour waits for Enter after showing the blue-green preview.
        let text = await blockingWork {
            var text = ""
            let deadline = Date().addingTimeInterval(120)
            while !text.contains("press Enter"), Date() < deadline {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        #expect(text.contains("press Enter"), "\(text)")
        let stateLine = try #require(text.split(separator: "\n").first { $0.contains("Runtime state in ") })
        let stateDirectory = String(stateLine.split(separator: " ")[3])
        let active = try #require(text.split(separator: "\n").first { $0.contains("active address: http://") })
        let address = String(active.split(separator: "http://")[1].split(separator: "/")[0])
        #expect(await ColorSample.take(1, from: address).colors["blue"] == 1)

        kill(process.processIdentifier, SIGINT)
        await blockingWork { process.waitUntilExit() }
        #expect(process.terminationStatus == 130)
        #expect(!FileManager.default.fileExists(atPath: stateDirectory))
        #expect(await ColorSample.take(1, from: address).failures.count == 1, "the proxy is gone")
    }
}
