import Testing
import TurnoutCore
@testable import TurnoutRendering

@Suite("YAMLRenderer")
struct YAMLRendererTests {
    @Test func rendersNestedValues() {
        let value = JSONValue.object([
            "name": .string("demo"),
            "replicas": .int(3),
            "paused": .bool(false),
            "weight": .double(0.5),
            "empty": .array([]),
            "labels": .object(["app": .string("web")]),
            "steps": .array([.object(["setWeight": .int(20)]), .object(["pause": .object([:])])]),
            "images": .array([.string("a:1"), .string("b:2")]),
            "note": .null,
        ])
        #expect(YAMLRenderer.render(value) == """
            empty: []
            images:
            - a:1
            - b:2
            labels:
              app: web
            name: demo
            note: null
            paused: false
            replicas: 3
            steps:
            - setWeight: 20
            - pause: {}
            weight: 0.5

            """)
    }

    @Test(arguments: [
        ("plain", "plain"), ("true", "\"true\""), ("10", "\"10\""), ("", "\"\""), ("a: b", "\"a: b\""),
        ("- x", "\"- x\""), ("line\nbreak", "\"line\\nbreak\""), ("http://x/y", "http://x/y"), ("*", "\"*\""),
    ])
    func quotesWhatYAMLWouldMisread(text: String, expected: String) {
        #expect(YAMLRenderer.quote(text) == expected)
    }
}
