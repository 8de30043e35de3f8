import KubernetesClient
import Testing
@testable import TurnoutKubernetes

@Suite struct PortProtocolDefaultsTests {
    @Test func servicePortsWithoutAProtocolGetTCPAndOthersKeepTheirs() {
        let service: KubernetesJSON = ["kind": "Service", "spec": ["ports": [["port": 80], ["port": 53, "protocol": "UDP"]]]]
        let filled = PortProtocolDefaults.filled(service)
        #expect(filled[path: ["spec", "ports"]] == [["port": 80, "protocol": "TCP"], ["port": 53, "protocol": "UDP"]])
    }

    @Test func everyContainerListOfAPodTemplateIsFilled() {
        let rollout: KubernetesJSON = ["kind": "Rollout", "spec": ["template": ["spec": [
            "containers": [["name": "a", "ports": [["containerPort": 8080]]], ["name": "b"]],
            "initContainers": [["name": "c", "ports": [["containerPort": 9000, "protocol": "SCTP"]]]],
        ]]]]
        let spec = PortProtocolDefaults.filled(rollout)[path: ["spec", "template", "spec"]]
        #expect(spec?["containers"] == [["name": "a", "ports": [["containerPort": 8080, "protocol": "TCP"]]], ["name": "b"]])
        #expect(spec?["initContainers"] == [["name": "c", "ports": [["containerPort": 9000, "protocol": "SCTP"]]]])
    }

    @Test func portsOutsideServicesAndContainersAreLeftAlone() {
        let configMap: KubernetesJSON = ["kind": "ConfigMap", "data": ["ports": "80"], "spec": ["ports": [["port": 1]]]]
        #expect(PortProtocolDefaults.filled(configMap) == configMap)
    }
}
