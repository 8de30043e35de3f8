import Testing

@testable import TurnoutProxy

/// When a loop gives freed memory back: once its clients are all gone after many closed, or after very many.
struct FreedMemoryReturnTests {
    @Test func aLoopTrimsWhenItsLastClientOfManyClosesOrAfterVeryManyCloses() {
        var idle = FreedMemoryReturn()
        let idleTrims = (1...FreedMemoryReturn.closesBeforeIdleTrim).map { idle.clientClosed(remaining: $0 == FreedMemoryReturn.closesBeforeIdleTrim ? 0 : 5) }
        #if os(Linux)
        #expect(idleTrims.last == true && idleTrims.dropLast().allSatisfy { !$0 }, "the 64th close leaves no client: trimmed")
        #endif
        let again = idle.clientClosed(remaining: 0)
        #expect(!again, "counting starts over after a trim")

        var busy = FreedMemoryReturn()
        let busyTrims = (1...FreedMemoryReturn.closesBeforeBusyTrim).map { _ in busy.clientClosed(remaining: 10) }
        #if os(Linux)
        #expect(busyTrims.filter { $0 }.count == 1 && busyTrims.last == true, "with clients left, only the 4,096th close trims")
        #endif
        var few = FreedMemoryReturn()
        let once = few.clientClosed(remaining: 0)
        #expect(!once, "one close is not worth a trim")
    }
}
