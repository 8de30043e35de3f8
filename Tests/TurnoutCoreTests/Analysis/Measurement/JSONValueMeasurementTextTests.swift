import Testing
import TurnoutCore

/// How a provider's raw result is stored as a measurement's value.
@Suite struct JSONValueMeasurementTextTests {
    @Test(arguments: [
        (JSONValue.double(0.95), "0.95"),
        (.double(3), "3"),
        (.int(42), "42"),
        (.double(.nan), "NaN"),
        (.double(.infinity), "+Inf"),
        (.array([.double(0.5), .int(1)]), "[0.5,1]"),
        (.array([]), "[]"),
        (.string("ok"), "ok"),
        (.bool(true), "true"),
        (.null, "nil"),
        (.object(["b": .int(1), "a": .string("x")]), "{\"a\":\"x\",\"b\":1}"),
        (.array([.array([.int(1), .int(2)]), .null]), "[[1,2],null]"),
    ])
    func text(_ value: JSONValue, _ expected: String) {
        #expect(value.measurementText == expected)
    }
}
