import Foundation
import Testing
import TurnoutCore

/// `turnout lint` accepts every manifest under `deploy/`: each file alone, all files together, and each install as
/// `kubectl kustomize` renders it (RBAC, Namespace, Deployment and CRD kinds included).
struct DeployManifestLintTests {
    @Test func everyFileUnderDeployLintsClean() throws {
        let files = try DeployLayout.yamlFiles()
        #expect(files.count >= 15, "found \(files.map(\.relative))")
        var texts: [(file: String, text: String)] = []
        for file in files {
            let text = try String(contentsOf: file.url, encoding: .utf8)
            texts.append((file: file.relative, text: text))
            let linted = LintedManifests(texts: [(file: file.relative, text: text)])
            #expect(linted.isValid, "\(linted.errors.map(\.rendered))")
            #expect(!linted.set.documents.isEmpty, "\(file.relative) loads no object")
        }
        let together = LintedManifests(texts: texts)
        #expect(together.errors.map(\.rendered) == [])
    }

    @Test(.enabled(if: Kubectl.isInstalled, Kubectl.skipMessage), arguments: DeployLayout.installs)
    func theRenderedInstallLintsClean(directory: URL) async throws {
        let rendering = try await Kubectl.kustomize(directory)
        let file = "kubectl kustomize \(directory.lastPathComponent)"
        let linted = LintedManifests(texts: [(file: file, text: rendering)])
        #expect(linted.errors.map(\.rendered) == [])
        #expect(linted.set.documents.count == (try RenderedManifest(yaml: rendering)).objects.count, "every rendered object is loaded")
    }
}
