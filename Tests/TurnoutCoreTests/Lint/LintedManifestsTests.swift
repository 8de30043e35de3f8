import Testing
import TurnoutCore

@Suite struct LintedManifestsTests {
    static let valid = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: web:v1
          strategy:
            canary:
              steps:
                - setWeight: 20
        """

    static let invalid = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: broken
        spec:
          replicas: 1
          selector:
            matchLabels: {app: broken}
          template:
            metadata:
              labels: {app: broken}
            spec:
              containers:
                - name: web
                  image: web:v1
          strategy:
            canary:
              steps:
                - setWeight: 120
        """

    @Test func aValidFileHasNoErrors() {
        let linted = LintedManifests(texts: [(file: "web.yaml", text: Self.valid)])
        #expect(linted.isValid)
        #expect(linted.errors.isEmpty)
        #expect(linted.set.documents.count == 1)
    }

    @Test func loadsLintsAndSortsEveryFilesProblems() {
        let linted = LintedManifests(texts: [(file: "b.yaml", text: Self.invalid), (file: "a.yaml", text: "kind: [")])
        #expect(!linted.isValid)
        #expect(linted.errors.contains { $0.location.file == "a.yaml" })
        #expect(linted.errors.contains { $0.location.file == "b.yaml" && $0.path.description.hasSuffix("setWeight") })
        let places = linted.diagnostics.map { ($0.location.file, $0.location.line, $0.location.column) }
        #expect(zip(places, places.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func addsTheCallersChecksBeforeSorting() {
        let extra = Diagnostic(severity: .warning, location: SourceLocation(file: "web.yaml", line: 1, column: 1), path: [], message: "a runtime's own rule", fix: nil)
        var seen: Int?
        let linted = LintedManifests(texts: [(file: "web.yaml", text: Self.valid)]) { set in
            seen = set.documents.count
            return [extra]
        }
        #expect(seen == 1)
        #expect(linted.diagnostics == [extra])
        #expect(linted.isValid)
    }

    @Test func aThrowingCheckRethrows() {
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            _ = try LintedManifests(texts: [(file: "web.yaml", text: Self.valid)]) { _ in throw Refused() }
        }
    }

    @Test func lintsAnAlreadyLoadedSetTheSameWay() {
        let set = ManifestLoader.load(text: Self.invalid, file: "b.yaml")
        #expect(LintedManifests(set).diagnostics == LintedManifests(texts: [(file: "b.yaml", text: Self.invalid)]).diagnostics)
    }
}
