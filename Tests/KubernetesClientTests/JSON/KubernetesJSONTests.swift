import Foundation
import Testing

@testable import KubernetesClient

@Suite struct KubernetesJSONTests {
    @Test func roundTripsKeepingIntegersIntegral() throws {
        let text = #"{"a":[1,2.5,"x",true,null],"b":{"c":9007199254740993}}"#
        let value = try JSONDecoder().decode(KubernetesJSON.self, from: Data(text.utf8))
        #expect(value == ["a": [1, 2.5, "x", true, nil], "b": ["c": .int(9_007_199_254_740_993)]])
        let again = try JSONDecoder().decode(KubernetesJSON.self, from: JSONEncoder().encode(value))
        #expect(again == value)
    }

    @Test func readsPathsAndScalars() {
        let value: KubernetesJSON = ["metadata": ["name": "web", "generation": 3], "items": [1]]
        #expect(value[path: ["metadata", "name"]]?.stringValue == "web")
        #expect(value[path: ["metadata", "generation"]]?.intValue == 3)
        #expect(value[path: ["metadata", "missing", "deeper"]] == nil)
        #expect(value["items"]?.arrayValue == [1])
        #expect(value["metadata"]?.objectValue?.count == 2)
        #expect(KubernetesJSON.double(2.0).intValue == 2)
        #expect(KubernetesJSON.double(2.5).intValue == nil)
    }

    @Test func convertsToAndFromModels() throws {
        let meta = ObjectMeta(name: "web", namespace: "ns", labels: ["app": "web"])
        let value = try KubernetesJSON(encoding: meta)
        #expect(value == ["name": "web", "namespace": "ns", "labels": ["app": "web"]])
        #expect(try value.decoded(as: ObjectMeta.self) == meta)
    }

    @Test func decodesAListWithNullItems() throws {
        let text = #"{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"77","continue":""},"items":null}"#
        let list = try JSONDecoder().decode(ObjectList<KubernetesJSON>.self, from: Data(text.utf8))
        #expect(list.items.isEmpty)
        #expect(list.metadata.resourceVersion == "77")
        #expect(list.metadata.nextPage == nil)
    }
}
