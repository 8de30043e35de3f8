import Testing
import TurnoutCore

@Suite struct ExpressionValueTests {
    @Test func convertsJSONValues() {
        let json = JSONValue.object([
            "ok": .bool(true),
            "count": .int(3),
            "rate": .double(0.5),
            "name": .string("web"),
            "values": .array([.int(1), .null]),
        ])
        let expected: ExpressionValue = ["ok": true, "count": 3, "rate": 0.5, "name": "web", "values": [1, nil]]
        #expect(ExpressionValue(json) == expected)
    }

    @Test(arguments: [
        (ExpressionValue.null, "nil", "nil"),
        (true, "true", "bool"),
        (42, "42", "number"),
        (-0.25, "-0.25", "number"),
        (1e20, "1e+20", "number"),
        (.number(.infinity), "+Inf", "number"),
        (.number(-.infinity), "-Inf", "number"),
        (.number(.nan), "NaN", "number"),
        ("say \"hi\"\n", #""say \"hi\"\n""#, "string"),
        ([1, "a", nil], #"[1, "a", nil]"#, "array"),
        (["b": 1, "a": [true]], #"{"a": [true], "b": 1}"#, "map"),
    ] as [(ExpressionValue, String, String)])
    func describesItself(value: ExpressionValue, description: String, typeName: String) {
        #expect(value.description == description)
        #expect(value.typeName == typeName)
    }

    @Test func exposesPayloads() {
        #expect(ExpressionValue.bool(true).boolValue == true)
        #expect(ExpressionValue.number(2).numberValue == 2)
        #expect(ExpressionValue.string("s").stringValue == "s")
        #expect(ExpressionValue.array([1]).arrayValue == [1])
        #expect(ExpressionValue.object(["a": 1]).objectValue == ["a": 1])
        #expect(ExpressionValue.null.isNull)
        #expect(ExpressionValue.number(1).stringValue == nil)
    }
}
