import Foundation
import Testing

@testable import KubernetesClient
import KubernetesTestSupport

/// Discovery on a real kube-apiserver (1.20: EndpointSlices only in `discovery.k8s.io/v1beta1`).
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct DiscoveryIntegrationTests {
    @Test func picksServedVersions() async throws {
        try await KubeTestEnvironment.withClient(KubeTestEnvironment.configuration()) { client in
        let discovery = APIDiscovery(client: client)
        #expect(try await discovery.servedVersions(of: "") == ["v1"])
        #expect(try await discovery.servedVersions(of: "batch").contains("v1"))
        #expect(try await discovery.firstServedVersion(of: "coordination.k8s.io", among: ["v1", "v1beta1"]) == "v1")
        let endpointSlices = try #require(
            try await discovery.resolve(.endpointSlices, preferring: ["v1", "v1beta1"]))
        let served = try await discovery.servedVersions(of: "discovery.k8s.io")
        #expect(endpointSlices.version == (served.contains("v1") ? "v1" : "v1beta1"))
        if ProcessInfo.processInfo.environment["TURNOUT_KUBE_VERSION"]?.hasPrefix("1.20.") == true {
            #expect(endpointSlices.version == "v1beta1")
        }
        #expect(try await discovery.resolve(ResourceType(group: "nope.example", version: "v1", plural: "x", namespaced: true), preferring: ["v1"]) == nil)
        let slices = try await client.list(endpointSlices, namespace: "default", as: KubernetesJSON.self)
        #expect(slices.metadata.resourceVersion != nil)

        let apps = try await discovery.resources(group: "apps", version: "v1")
        #expect(apps.contains { $0.name == "deployments/scale" })
        #expect(apps.first { $0.name == "deployments" }?.namespaced == true)
        #expect(try await discovery.resources(group: "", version: "v1").contains { $0.name == "pods/log" })
        }
    }
}
