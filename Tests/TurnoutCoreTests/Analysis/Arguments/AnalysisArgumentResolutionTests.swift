import Testing
import TurnoutCore

/// Template arguments merged with the rollout's, Argo-style, and their values.
@Suite struct AnalysisArgumentResolutionTests {
    static let rollout: Rollout = {
        var meta = ObjectMeta(name: "web")
        meta.namespace = "shop"
        meta.labels = ["app": "web", "team.io/owner": "payments"]
        return Rollout(metadata: meta, spec: RolloutSpec(replicas: 3))
    }()
    static let sources = AnalysisArgumentSources(rollout: rollout, latestHash: "new1", stableHash: "old1", secrets: ["creds": ["token": "s3cret"]])

    struct Row: Sendable, CustomTestStringConvertible {
        var declared: AnalysisArgument
        var given: AnalysisRunArgument?
        var expected: Result<String, AnalysisArgumentError>
        var testDescription: String { "\(declared.name) \(expected)" }
    }

    static let rows: [Row] = [
        Row(declared: AnalysisArgument(name: "a", value: "default"), given: nil, expected: .success("default")),
        Row(declared: AnalysisArgument(name: "a", value: "default"), given: AnalysisRunArgument(name: "a", value: "given"), expected: .success("given")),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "a", value: "given"), expected: .success("given")),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "a", valueFrom: ArgumentValueFrom(podTemplateHashValue: "Latest")), expected: .success("new1")),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "a", valueFrom: ArgumentValueFrom(podTemplateHashValue: "Stable")), expected: .success("old1")),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "a", valueFrom: ArgumentValueFrom(podTemplateHashValue: "Newest")), expected: .failure(.unknownPodTemplateHashValue(argument: "a", value: "Newest"))),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "a", valueFrom: ArgumentValueFrom(fieldRef: FieldReference(fieldPath: "metadata.name"))), expected: .success("web")),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "a", valueFrom: ArgumentValueFrom(fieldRef: FieldReference(fieldPath: "metadata.namespace"))), expected: .success("shop")),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "a", valueFrom: ArgumentValueFrom(fieldRef: FieldReference(fieldPath: "metadata.labels['team.io/owner']"))), expected: .success("payments")),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "a", valueFrom: ArgumentValueFrom(fieldRef: FieldReference(fieldPath: "spec.replicas"))), expected: .success("3")),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "a", valueFrom: ArgumentValueFrom(fieldRef: FieldReference(fieldPath: "metadata.labels['nope']"))), expected: .failure(.fieldNotFound(argument: "a", fieldPath: "metadata.labels['nope']"))),
        Row(declared: AnalysisArgument(name: "a", valueFrom: AnalysisArgumentValueFrom(fieldRef: FieldReference(fieldPath: "metadata.labels.app"))), given: nil, expected: .success("web")),
        Row(declared: AnalysisArgument(name: "a", valueFrom: AnalysisArgumentValueFrom(secretKeyRef: SecretKeyReference(name: "creds", key: "token"))), given: nil, expected: .success("s3cret")),
        Row(declared: AnalysisArgument(name: "a", valueFrom: AnalysisArgumentValueFrom(secretKeyRef: SecretKeyReference(name: "gone", key: "token"))), given: nil, expected: .failure(.secretNotFound(argument: "a", secret: "gone"))),
        Row(declared: AnalysisArgument(name: "a", valueFrom: AnalysisArgumentValueFrom(secretKeyRef: SecretKeyReference(name: "creds", key: "user"))), given: nil, expected: .failure(.secretKeyNotFound(argument: "a", secret: "creds", key: "user"))),
        Row(declared: AnalysisArgument(name: "a"), given: nil, expected: .failure(.missingValue(argument: "a"))),
        Row(declared: AnalysisArgument(name: "a"), given: AnalysisRunArgument(name: "b", value: "x"), expected: .failure(.missingValue(argument: "a"))),
    ]

    @Test(arguments: rows)
    func resolves(_ row: Row) {
        let outcome: Result<String, AnalysisArgumentError>
        do throws(AnalysisArgumentError) {
            let merged = try mergeAnalysisArguments(declared: [row.declared], given: row.given.map { [$0] } ?? [], sources: Self.sources)
            outcome = .success(try argumentValues(merged, secrets: Self.sources.secrets)["a"] ?? "")
        } catch {
            outcome = .failure(error)
        }
        #expect(outcome == row.expected)
    }

    @Test func secretValuesStayReferencesInTheRun() throws {
        let declared = [AnalysisArgument(name: "token", valueFrom: AnalysisArgumentValueFrom(secretKeyRef: SecretKeyReference(name: "creds", key: "token")))]
        let merged = try mergeAnalysisArguments(declared: declared, given: [], sources: Self.sources)
        #expect(merged.first?.value == nil)
        #expect(merged.first?.valueFrom?.secretKeyRef?.name == "creds")
    }

    @Test func missingArgumentMessageNamesIt() {
        #expect(AnalysisArgumentError.missingValue(argument: "service").description.contains("\"service\""))
    }
}
