import Foundation
import Testing

@testable import KubernetesClient

@Suite struct WatchEventTests {
    struct Named: Decodable, Sendable, Equatable {
        struct Metadata: Decodable, Sendable, Equatable { var name: String }
        var metadata: Metadata
    }

    static func decode(_ line: String) throws -> WatchLine<Named>.Content {
        try JSONDecoder().decode(WatchLine<Named>.self, from: Data(line.utf8)).content
    }

    @Test func decodesEventsByType() throws {
        let object = #"{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"5"}}"#
        for (type, expected) in [("ADDED", "added"), ("MODIFIED", "modified"), ("DELETED", "deleted")] {
            guard case .event(let event) = try Self.decode(#"{"type":"\#(type)","object":\#(object)}"#) else {
                Issue.record("\(type) decoded as an error")
                continue
            }
            switch event {
            case .added(let named): #expect(expected == "added" && named.metadata.name == "a")
            case .modified(let named): #expect(expected == "modified" && named.metadata.name == "a")
            case .deleted(let named): #expect(expected == "deleted" && named.metadata.name == "a")
            case .bookmark: Issue.record("\(type) decoded as a bookmark")
            }
        }
    }

    @Test func decodesABookmarkWithoutTheObjectsFields() throws {
        let line = #"{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"12345","creationTimestamp":null}}}"#
        guard case .event(.bookmark(let resourceVersion)) = try Self.decode(line) else {
            Issue.record("not a bookmark")
            return
        }
        #expect(resourceVersion == "12345")
    }

    @Test func decodesAnErrorEventAsAStatus() throws {
        let line = #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (5853)","reason":"Expired","code":410}}"#
        guard case .error(let status) = try Self.decode(line) else {
            Issue.record("not an error")
            return
        }
        #expect(status.code == 410)
        #expect(status.reason == "Expired")
    }

    @Test func refusesAnUnknownType() {
        #expect(throws: DecodingError.self) { try Self.decode(#"{"type":"RENAMED","object":{}}"#) }
    }

    @Test func splitsChunksIntoLines() {
        var splitter = LineSplitter()
        #expect(splitter.append(Array("{\"a\":1}\n{\"b\"".utf8)) == [Array("{\"a\":1}".utf8)])
        #expect(splitter.append(Array(":2}\r\n\n".utf8)) == [Array("{\"b\":2}".utf8)])
        #expect(splitter.append(Array("tail".utf8)) == [])
        #expect(splitter.finish() == Array("tail".utf8))
        #expect(splitter.finish() == nil)
    }
}
