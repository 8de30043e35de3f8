import Testing
@testable import TurnoutProxy

@Suite struct StickyHashTests {
    @Test(arguments: [
        ("", UInt64(0xcbf2_9ce4_8422_2325)),
        ("a", UInt64(0xaf63_dc4c_8601_ec8c)),
        ("foobar", UInt64(0x8594_4171_f739_67e8)),
    ])
    func matchesTheReferenceFNV1aValues(input: String, expected: UInt64) {
        #expect(StickyHash.fnv1a(input) == expected)
    }

    @Test func isStableAcrossCallsAndSubstrings() {
        let value = "session=4f2a"
        #expect(StickyHash.fnv1a(value) == StickyHash.fnv1a(value))
        #expect(StickyHash.fnv1a(value.dropFirst(8)) == StickyHash.fnv1a("4f2a"))
    }

    @Test func bucketsSpreadRoughlyEvenlyAndRaisingTheWeightOnlyAddsCanaryUsers() {
        let users = (0..<10_000).map { "user-\($0)" }
        let buckets = users.map { StickyHash.bucket(of: $0[...], buckets: 100) }
        let inCanaryAt10 = Set(users.indices.filter { buckets[$0] < 10 })
        let inCanaryAt30 = Set(users.indices.filter { buckets[$0] < 30 })
        #expect((800...1_200).contains(inCanaryAt10.count))
        #expect(inCanaryAt10.isSubset(of: inCanaryAt30))
    }
}
