import Foundation
import Testing
import TurnoutCore
import TurnoutTestSupport

/// The real loader and linter on thousands of mutated copies of the seeds' and examples' manifests.
@Suite struct LinterFuzzTests {
    static let mutationsPerFile = 120

    static var manifests: [(name: String, bytes: [UInt8])] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = [root.appendingPathComponent("Tests/Fixtures/seeds"), root.appendingPathComponent("examples")]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().compactMap { name in
                FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { (name, Array($0)) }
            }
        }
    }

    @Test func mutatedManifestsNeverCrashTheLoaderOrTheLinter() {
        let manifests = Self.manifests
        #expect(manifests.count >= 20)
        var random = SplitMix64(seed: 0x7475_726E_6F75_74)
        var runs = 0
        for manifest in manifests {
            var bytes = manifest.bytes
            for round in 0..<Self.mutationsPerFile {
                if round % 10 == 0 { bytes = manifest.bytes }
                NodeDecoderFuzzTests.mutate(&bytes, &random)
                let set = ManifestLoader.load(data: Data(bytes), file: manifest.name)
                let diagnostics = set.diagnostics + Linter.lint(set)
                runs += 1
                for diagnostic in diagnostics {
                    #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(manifest.name): \(diagnostic.rendered)")
                    #expect(diagnostic.location.file == manifest.name)
                }
            }
        }
        #expect(runs >= 2_400)
    }
}
