import Foundation
import Testing
import TurnoutLocal

/// `turnout pod`: the launcher the runtime uses for replicas with several containers or emptyDir volumes.
@Suite struct PodCommandTests {
    /// A scratch directory holding the pod directory and files that outlive it.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-pod-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func shell(_ name: String, _ script: String) -> PodLaunchSpec.Process {
        PodLaunchSpec.Process(name: name, arguments: ["/bin/sh", "-c", script], environment: ["PATH": "/usr/bin:/bin"], workingDirectory: nil)
    }

    @Test func initThenSidecarAndMainShareTheVolumeAndEverythingEndsWithMain() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pod = scratch.appendingPathComponent("pod").path
        let volume = "\(pod)/volumes/data"
        let sidecarPID = scratch.appendingPathComponent("sidecar.pid").path
        let spec = PodLaunchSpec(
            directory: pod, volumes: [volume],
            initContainers: [Self.shell("init", "echo from-init > \(volume)/init.txt")],
            sidecars: [Self.shell("copier", "echo $$ > \(sidecarPID); cp \(volume)/init.txt \(volume)/copy.txt; exec sleep 60")],
            main: Self.shell("main", "while [ ! -f \(volume)/copy.txt ]; do sleep 0.05; done; cat \(volume)/copy.txt; exit 3"))
        let result = try await TurnoutBinary.run(["pod", "--spec", try spec.encoded()], timeout: 30)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout == "from-init\n")
        #expect(!FileManager.default.fileExists(atPath: pod), "the pod directory is removed")
        let pid = try #require(Int32(String(contentsOfFile: sidecarPID, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the sidecar was stopped and reaped")
    }

    @Test func aFailingSidecarEndsThePodWithItsStatus() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let spec = PodLaunchSpec(directory: scratch.appendingPathComponent("pod").path, volumes: [], initContainers: [],
                                 sidecars: [Self.shell("broken", "exit 7")], main: Self.shell("main", "exec sleep 60"))
        let result = try await TurnoutBinary.run(["pod", "--spec", try spec.encoded()], timeout: 30)
        #expect(result.status == 7)
        #expect(result.stderr.contains("container broken exited with status 7"), "\(result.stderr)")
    }

    @Test func aFailingInitContainerKeepsTheRestFromStarting() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let marker = scratch.appendingPathComponent("main-ran").path
        let spec = PodLaunchSpec(directory: scratch.appendingPathComponent("pod").path, volumes: [],
                                 initContainers: [Self.shell("migrate", "exit 2")], sidecars: [], main: Self.shell("main", "touch \(marker)"))
        let result = try await TurnoutBinary.run(["pod", "--spec", try spec.encoded()], timeout: 30)
        #expect(result.status == 2)
        #expect(result.stderr.contains("init container migrate exited with status 2"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func onlyThePodsVolumesAreEverRemoved() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let keep = scratch.appendingPathComponent("keep.txt")
        try Data("mine".utf8).write(to: keep)
        let outside = PodLaunchSpec(directory: scratch.path, volumes: [scratch.appendingPathComponent("elsewhere").path], initContainers: [],
                                    sidecars: [], main: Self.shell("main", "true"))
        let refused = try await TurnoutBinary.run(["pod", "--spec", try outside.encoded()], timeout: 30)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("every volume must be inside \(scratch.path)/volumes"), "\(refused.stderr)")
        let inside = PodLaunchSpec(directory: scratch.path, volumes: [scratch.path + "/volumes/data"], initContainers: [], sidecars: [],
                                   main: Self.shell("main", "touch \(scratch.path)/volumes/data/x"))
        #expect(try await TurnoutBinary.run(["pod", "--spec", try inside.encoded()], timeout: 30).status == 0)
        #expect(FileManager.default.fileExists(atPath: keep.path), "a file beside the volumes stays")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/volumes"))
    }

    @Test func aBadSpecIsAClearError() async throws {
        let result = try await TurnoutBinary.run(["pod", "--spec", "{}"], timeout: 30)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--spec is not a pod description"), "\(result.stderr)")
    }
}
