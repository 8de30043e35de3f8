import Foundation
import Testing

@testable import KubernetesClient

@Suite struct KubernetesClientTests {
    static let widgets = ResourceType(group: "example.com", version: "v1", plural: "widgets", namespaced: true)

    @Test(arguments: [
        (ResourceType.pods, "ns", "web-1", "log", "/api/v1/namespaces/ns/pods/web-1/log"),
        (.pods, nil, nil, nil, "/api/v1/pods"),
        (.deployments, "ns", "app", "scale", "/apis/apps/v1/namespaces/ns/deployments/app/scale"),
        (.namespaces, "ignored", "ns", nil, "/api/v1/namespaces/ns"),
        (widgets, "a b", nil, nil, "/apis/example.com/v1/namespaces/a%20b/widgets"),
        (.customResourceDefinitions, nil, "widgets.example.com", nil,
         "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com"),
    ] as [(ResourceType, String?, String?, String?, String)])
    func buildsResourcePaths(
        resource: ResourceType, namespace: String?, name: String?, subresource: String?, expected: String
    ) {
        #expect(KubernetesClient.path(resource, namespace: namespace, name: name, subresource: subresource) == expected)
    }

    @Test func encodesSelectorsAndTokensInTheQuery() {
        let options = ListOptions(
            labelSelector: "app=web,tier in (a,b),!canary", fieldSelector: "metadata.name!=x", limit: 2,
            continueToken: "eyJ2Ijoi+/=")
        #expect(
            KubernetesClient.queryString(options.query)
                == "?labelSelector=app%3Dweb%2Ctier%20in%20%28a%2Cb%29%2C%21canary&fieldSelector=metadata.name%21%3Dx&limit=2&continue=eyJ2Ijoi%2B%2F%3D"
        )
        #expect(KubernetesClient.queryString([]) == "")
        let watch = WatchOptions(resourceVersion: "42", allowWatchBookmarks: true, timeoutSeconds: 30)
        #expect(
            KubernetesClient.queryString(watch.query)
                == "?watch=true&resourceVersion=42&allowWatchBookmarks=true&timeoutSeconds=30")
        #expect(KubernetesClient.queryString(WriteOptions(dryRun: true, fieldManager: "turnout").query) == "?dryRun=All&fieldManager=turnout")
    }

    @Test func encodesDeleteOptions() throws {
        let options = DeleteOptions(
            propagationPolicy: .foreground, preconditions: .init(uid: "u-1", resourceVersion: "7"),
            gracePeriodSeconds: 0, dryRun: true)
        #expect(
            try KubernetesJSON(encoding: options)
                == [
                    "kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Foreground",
                    "preconditions": ["uid": "u-1", "resourceVersion": "7"], "gracePeriodSeconds": 0, "dryRun": ["All"],
                ])
        #expect(try KubernetesJSON(encoding: DeleteOptions()) == ["kind": "DeleteOptions", "apiVersion": "v1"])
    }

    @Test func patchesCarryTheirContentTypes() {
        #expect(Patch.merge(["spec": ["replicas": 3]]).contentType == "application/merge-patch+json")
        #expect(Patch.strategicMerge([:]).contentType == "application/strategic-merge-patch+json")
        let json = Patch.json([
            .test("/metadata/resourceVersion", "5"),
            .replace("/spec/replicas", 3),
            .add("/metadata/labels/\(JSONPatchOperation.escape("turnout.dev/hash"))", "abc"),
            .remove("/spec/paused"),
            .move(from: "/a", to: "/b"),
        ])
        #expect(json.contentType == "application/json-patch+json")
        #expect(
            json.document
                == [
                    ["op": "test", "path": "/metadata/resourceVersion", "value": "5"],
                    ["op": "replace", "path": "/spec/replicas", "value": 3],
                    ["op": "add", "path": "/metadata/labels/turnout.dev~1hash", "value": "abc"],
                    ["op": "remove", "path": "/spec/paused"],
                    ["op": "move", "path": "/b", "from": "/a"],
                ])
    }

    @Test func sendsToTheServerNameButConnectsToTheServerHost() throws {
        let configuration = ClientConfiguration(
            server: URL(string: "https://127.0.0.1:6443/prefix/")!, tls: TLSSettings(serverName: "kubernetes.default"))
        let client = try KubernetesClient(configuration: configuration)
        defer { try? client.http.syncShutdown() }
        #expect(client.baseURL == "https://kubernetes.default:6443/prefix")
        #expect(client.dnsOverride == ["kubernetes.default": "127.0.0.1"])
        #expect(client.defaultNamespace == "default")
    }

    @Test func reportsAnUnreachableServerAsATransportError() async throws {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        let configuration = ClientConfiguration(server: URL(string: "http://127.0.0.1:1")!, namespace: "ns")
        let client = try KubernetesClient(configuration: configuration)
        await #expect {
            let _: KubernetesJSON = try await client.get(.configMaps, name: "web")
        } throws: { error in
            guard case .transport(let action, _) = error as? KubernetesError else { return false }
            return action.description == "get configmaps ns/web" && (error as? KubernetesError)?.isRetryable == true
        }
        try await client.shutdown()
    }
}
