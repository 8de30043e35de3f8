import Testing
import TurnoutDemoApp

struct DemoColorTests {
    @Test(arguments: [("blue", "blue"), ("Green", "green"), ("rebeccapurple", "rebeccapurple"), ("#1E90ff", "#1e90ff")])
    func acceptsNamesAndHexCodes(text: String, value: String) throws {
        #expect(try #require(DemoColor(text)).value == value)
    }

    @Test(arguments: ["", "#12345", "#1234567", "#ggg000", "light blue", "blue;", "<b>", String(repeating: "a", count: 33)])
    func rejectsAnythingElse(text: String) {
        #expect(DemoColor(text) == nil)
    }
}
