import Testing
@testable import TurnoutClient
import TurnoutService

@Suite("ServerSentEventParser")
struct ServerSentEventParserTests {
    @Test func parsesEventsSplitAcrossChunks() {
        let wire = ": hello\n\n" + ServerSentEvent(event: "rollout", data: "{\"a\":1}").encoded + ": keep-alive\n\n" + ServerSentEvent(event: nil, data: "x\ny").encoded
        let bytes = Array(wire.utf8)
        for chunkSize in [1, 2, 3, 7, bytes.count] {
            var parser = ServerSentEventParser()
            var events: [ServerSentEvent] = []
            var index = 0
            while index < bytes.count {
                events += parser.consume(bytes[index..<min(index + chunkSize, bytes.count)])
                index += chunkSize
            }
            #expect(events == [ServerSentEvent(event: "rollout", data: "{\"a\":1}"), ServerSentEvent(event: nil, data: "x\ny")], "chunk size \(chunkSize)")
        }
    }

    @Test func acceptsCRLFLineEnds() {
        var parser = ServerSentEventParser()
        let events = parser.consume(Array("event: rollout\r\ndata: 1\r\n\r\n".utf8))
        #expect(events == [ServerSentEvent(event: "rollout", data: "1")])
    }

    @Test func encodesMultilineData() {
        #expect(ServerSentEvent(event: "rollout", data: "a\nb").encoded == "event: rollout\ndata: a\ndata: b\n\n")
        #expect(ServerSentEvent.comment("keep-alive") == ": keep-alive\n\n")
    }
}
