import Testing

@Suite(.serialized) struct DemoCommandTests {
    @Test func demoRunsTheWholeTourWithoutWaiting() async throws {
        let result = try await TurnoutBinary.run(["demo", "--no-wait"], timeout: 240)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Preview serves green while active still serves blue."))
        #expect(result.stdout.contains("80% blue, 20% yellow"))
        #expect(result.stdout.contains("Aborted: all traffic went back to yellow"))
        #expect(result.stdout.contains("== Done =="))
    }
}
