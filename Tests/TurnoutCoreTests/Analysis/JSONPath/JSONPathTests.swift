import Testing
import TurnoutCore

/// The JSONPath subset of the web provider's `jsonPath`.
@Suite struct JSONPathTests {
    static let document: JSONValue = .object([
        "data": .object(["ok": .bool(true), "p99": .double(120.5), "team.io": .string("x")]),
        "items": .array([.object(["value": .int(1)]), .object(["value": .int(2)])]),
    ])

    @Test(arguments: [
        ("{$.data.ok}", JSONValue.bool(true)),
        ("$.data.p99", .double(120.5)),
        ("{.data.ok}", .bool(true)),
        ("data.ok", .bool(true)),
        ("{$.data['team.io']}", .string("x")),
        ("{$[\"data\"][\"ok\"]}", .bool(true)),
        ("{$.items[1].value}", .int(2)),
        ("{$.items[-1].value}", .int(2)),
        ("{$.items[*].value}", .array([.int(1), .int(2)])),
        ("{$.items.*.value}", .array([.int(1), .int(2)])),
        ("{$.nothing[*]}", .array([])),
        ("{$}", document),
        ("  {$.data.ok}  ", .bool(true)),
    ])
    func selects(_ path: String, _ expected: JSONValue) throws {
        #expect(try JSONPath(parsing: path).select(in: Self.document) == expected)
    }

    @Test(arguments: [
        ("{$.data.ok", "missing closing '}' at column 11"),
        ("{$..ok}", "recursive descent '..' is not supported at column 3"),
        ("{$.items[?(@.value > 1)]}", "filter expressions are not supported at column 10"),
        ("{$.items[x]}", "expected an index, '*' or a quoted name inside [], got 'x' at column 10"),
        ("{$.items[0}", "missing closing ']' at column 9"),
        ("{$.}", "expected a member name after '.' at column 4"),
    ])
    func rejects(_ path: String, _ message: String) {
        #expect(throws: JSONPathError.self) { try JSONPath(parsing: path) }
        do {
            _ = try JSONPath(parsing: path)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aPathThatFindsNothingIsAnError() throws {
        let path = try JSONPath(parsing: "{$.data.missing}")
        #expect(throws: JSONPathError.noMatch("{$.data.missing}")) { try path.select(in: Self.document) }
    }
}
