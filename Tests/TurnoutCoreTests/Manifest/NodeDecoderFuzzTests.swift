import Foundation
import Testing
import TurnoutCore
import TurnoutTestSupport

@Suite struct NodeDecoderFuzzTests {

    static let manifest = """
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: checkout
      namespace: shop
      labels:
        app: checkout
        tier: "backend"
      annotations:
        owner: payments-team
    spec:
      replicas: 5
      minReadySeconds: 10
      revisionHistoryLimit: 3
      selector:
        matchLabels:
          app: checkout
      template:
        metadata:
          labels:
            app: checkout
        spec:
          containers:
          - name: checkout
            image: registry.example.com/checkout:1.4.2
            ports:
            - containerPort: 8080
              protocol: TCP
            env:
            - {name: MODE, value: "canary"}
            - name: RATIO
              value: 0.95
            resources:
              requests: {cpu: 100m, memory: 128Mi}
      strategy:
        canary:
          maxSurge: "25%"
          maxUnavailable: 0
          canaryService: checkout-canary
          stableService: checkout-stable
          trafficRouting:
            nginx:
              stableIngress: checkout
          analysis:
            templates:
            - templateName: success-rate
            args:
            - name: service
              value: checkout-canary
          steps:
          - setWeight: 10
          - pause: {duration: 2m}
          - setWeight: 30
          - pause: {}
          - setWeight: 60
          - analysis:
              templates: [{templateName: success-rate}]
          - setWeight: 100
    # end of manifest
    """

    static let tokens: [[UInt8]] = [
        Array("[".utf8), Array("{".utf8), Array("]".utf8), Array("}".utf8), Array("&a ".utf8), Array("*a".utf8),
        Array(": ".utf8), Array("\t".utf8), Array("- ".utf8), Array("? ".utf8), Array("'".utf8), Array("\"".utf8),
        Array("#".utf8), Array("|".utf8), Array(">-".utf8), Array("---\n".utf8), Array("...\n".utf8), Array("!!int ".utf8),
        Array("<<: *a\n".utf8), Array("é".utf8), Array("😀".utf8), Array("\u{2028}".utf8), Array("\u{85}".utf8),
        Array("\u{FEFF}".utf8), Array("~".utf8), Array("\r\n".utf8), Array("%YAML 1.1\n".utf8), Array("\\".utf8),
        [0xFF], [0xC3], [0x00], [0x01], [0xED, 0xA0, 0x80],
    ]

    /// Applies one random mutation to `bytes`.
    static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
        switch random.below(10) {
        case 0: // delete a run of bytes
            guard !bytes.isEmpty else { return }
            let start = min(position, bytes.count - 1)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + random.below(8)))
        case 1: // insert a random byte: mostly printable ASCII, sometimes anything
            let byte = random.below(4) == 0 ? UInt8(truncatingIfNeeded: random.next()) : UInt8(0x20 + random.below(0x5F))
            bytes.insert(byte, at: position)
        case 2: // duplicate a run
            guard !bytes.isEmpty else { return }
            let start = min(position, bytes.count - 1)
            let run = Array(bytes[start..<min(bytes.count, start + 1 + random.below(40))])
            bytes.insert(contentsOf: run, at: start)
        case 3: // flip a bit
            guard !bytes.isEmpty else { return }
            bytes[min(position, bytes.count - 1)] ^= UInt8(1) << UInt8(random.below(8))
        case 4: // swap two lines
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard lines.count > 1 else { return }
            lines.swapAt(random.below(lines.count), random.below(lines.count))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 5: // change a line's indentation
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            guard !lines.isEmpty else { return }
            let index = random.below(lines.count)
            if random.below(2) == 0 {
                lines[index].insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: 1 + random.below(4)), at: 0)
            } else {
                lines[index].removeFirst(min(lines[index].count, 1 + random.below(4)))
            }
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 6, 7: // insert a YAML-significant token
            bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: position)
        case 8: // deep nesting
            let opener: [UInt8] = random.below(2) == 0 ? Array("[".utf8) : Array("{a: ".utf8)
            let count = random.below(4) == 0 ? 100 + random.below(200) : 1 + random.below(10)
            bytes.insert(contentsOf: Array(Array(repeating: opener, count: count).joined()), at: position)
        default: // random UTF-8 scalar
            let scalar = Unicode.Scalar(UInt32(0xA0 + random.below(0x2FF00))) ?? "x"
            bytes.insert(contentsOf: Array(String(scalar).utf8), at: position)
        }
    }

    @Test func mutatedManifestsNeverCrashAndAlwaysLocateProblems() {
        var random = SplitMix64(seed: 0x7475_726E_6F75_74)
        let base = Array(Self.manifest.utf8)
        let decoder = NodeDecoder(file: "fuzz.yaml")
        var documentsDecoded = 0
        var diagnosticsSeen = 0
        var cleanRuns = 0
        for _ in 0..<5_000 {
            var bytes = base
            for _ in 0...random.below(3) {
                Self.mutate(&bytes, &random)
            }
            let source = YAMLSource.documents(in: Data(bytes), file: "fuzz.yaml")
            var diagnostics = source.diagnostics
            for document in source.documents {
                diagnostics += decoder.decode(ManifestFixture.Rollout.self, from: document.node).diagnostics
                diagnostics += decoder.decode(JSONValue.self, from: document.node, at: ["items", .index(document.index)]).diagnostics
                documentsDecoded += 1
            }
            diagnosticsSeen += diagnostics.count
            if !diagnostics.contains(where: \.isError) { cleanRuns += 1 }
            for diagnostic in diagnostics {
                #expect(diagnostic.location.line >= 1, "\(diagnostic.rendered)")
                #expect(diagnostic.location.column >= 1, "\(diagnostic.rendered)")
                #expect(diagnostic.location.file == "fuzz.yaml")
                #expect(!diagnostic.message.isEmpty)
            }
        }
        // The mutations exercise both paths: documents that decode and problems that are reported.
        #expect(documentsDecoded > 1_000)
        #expect(diagnosticsSeen > 1_000)
        #expect(cleanRuns > 0)
    }

    @Test func splitMixIsDeterministic() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
        var known = SplitMix64(seed: 0)
        #expect(known.next() == 0xE220_A839_7B1D_CDAF)
    }
}
