import Testing
import TurnoutCore
import TurnoutLocal

extension LaunchPlanTests {
    static let podSettings: LaunchSettings = {
        var settings = ProcessFixture.settings
        settings.podLauncher = PodLauncherSettings(turnoutBinary: "/opt/turnout/bin/turnout", podsDirectory: "/state/pods")
        return settings
    }()

    /// Seed 000's pod: nginx serving a shared emptyDir that a debian sidecar writes `index.html` into.
    static let seedPod = ProcessFixture.template(
        #"{"name": "nginx", "image": "172.24.133.2:5000/nginx:1.7.9", "ports": [{"containerPort": 80}], "volumeMounts": [{"name": "shared-data", "mountPath": "/usr/share/nginx/html"}]}"#,
        extra: [#"{"name": "debian-container", "image": "debian", "volumeMounts": [{"name": "shared-data", "mountPath": "/pod-data"}], "command": ["/bin/sh"], "args": ["-c", "echo hello this is version 1 > /pod-data/index.html && sleep 1000000000"]}"#],
        volumes: #"[{"name": "shared-data", "emptyDir": {}}]"#)

    @Test func aPodWithASidecarAndAVolumeRunsThroughTheLauncher() throws {
        let plan = try LaunchPlan.build(template: Self.seedPod, port: 41_000, settings: Self.podSettings)
        let pod = try #require(plan.pod)
        #expect(Array(plan.arguments.prefix(3)) == ["/opt/turnout/bin/turnout", "pod", "--spec"])
        #expect(try PodLaunchSpec.decode(plan.arguments[3]) == pod)
        #expect(pod.directory == "/state/pods/41000")
        #expect(pod.volumes == ["/state/pods/41000/volumes/shared-data"])
        #expect(pod.main.arguments == ["/opt/turnout/bin/turnout", "serve-files", "--root", "/state/pods/41000/volumes/shared-data", "--title", "172.24.133.2:5000/nginx:1.7.9"])
        #expect(pod.main.environment["PORT"] == "41000")
        #expect(pod.sidecars.map(\.name) == ["debian-container"])
        #expect(pod.sidecars.first?.arguments == ["/bin/sh", "-c", "echo hello this is version 1 > /state/pods/41000/volumes/shared-data/index.html && sleep 1000000000"])
        #expect(plan.ignoredContainers == [])
        #expect(plan.containerName == "nginx")
        #expect(plan.spawnWorkingDirectory == nil)
    }

    @Test func theSameTemplateAlwaysGivesTheSameCommandLine() throws {
        let first = try LaunchPlan.build(template: Self.seedPod, port: 41_000, settings: Self.podSettings)
        let second = try LaunchPlan.build(template: Self.seedPod, port: 41_000, settings: Self.podSettings)
        #expect(first.arguments == second.arguments)
    }

    @Test func initContainersRunFirstAndUnrunnableSidecarsAreIgnored() throws {
        var template = ProcessFixture.template(#"{"name": "web", "command": ["/bin/web"], "ports": [{"containerPort": 80}]}"#,
                                               extra: [#"{"name": "mesh", "image": "istio/proxyv2:1.20"}"#])
        template.spec.initContainers = [Container(name: "migrate", command: ["/bin/migrate", "--port", "$(PORT)"])]
        let plan = try LaunchPlan.build(template: template, port: 41_001, settings: Self.podSettings)
        let pod = try #require(plan.pod)
        #expect(pod.initContainers.map(\.arguments) == [["/bin/migrate", "--port", "41001"]])
        #expect(pod.sidecars.isEmpty)
        #expect(pod.volumes.isEmpty)
        #expect(plan.ignoredContainers == ["mesh"])
    }

    @Test func oneContainerWithoutVolumesRunsDirectly() throws {
        let template = ProcessFixture.template(#"{"name": "web", "command": ["/bin/web"], "workingDir": "/srv"}"#,
                                               extra: [#"{"name": "mesh", "image": "istio/proxyv2:1.20"}"#])
        let plan = try LaunchPlan.build(template: template, port: 41_002, settings: Self.podSettings)
        #expect(plan.pod == nil)
        #expect(plan.arguments == ["/bin/web"])
        #expect(plan.spawnWorkingDirectory == "/srv")
        #expect(plan.ignoredContainers == ["mesh"])
    }

    @Test func withoutALauncherOnlyTheMainContainerRuns() throws {
        let plan = try LaunchPlan.build(template: Self.seedPod, port: 41_003, settings: ProcessFixture.settings)
        #expect(plan.pod == nil)
        #expect(plan.arguments == ["/opt/turnout/bin/turnout", "serve-files", "--root", "/usr/share/nginx/html", "--title", "172.24.133.2:5000/nginx:1.7.9"])
        #expect(plan.ignoredContainers == ["debian-container"])
    }
}

extension LaunchPlanTests {
    @Test(arguments: [
        ("8080", "41000"), ("--port=8080", "--port=41000"), ("0.0.0.0:8080", "0.0.0.0:41000"),
        ("http://localhost:8080/health", "http://localhost:41000/health"), ("8080 and 8080", "41000 and 41000"),
        ("18080", "18080"), ("80801", "80801"), ("8.080", "8.080"), ("", ""),
    ])
    func theContainerPortBecomesTheReplicaPortWhereItIsAWholeNumber(text: String, expected: String) {
        #expect(LaunchPlan.replacingPort(8080, with: 41_000, in: text) == expected)
    }

    @Test func theTemplateNamingItsContainerPortRunsOnTheReplicaPort() throws {
        let plan = try LaunchPlan.build(template: ProcessFixture.template(#"""
            {"name": "hello", "command": ["python3", "-m", "http.server", "8888"], "ports": [{"containerPort": 8888}],
             "env": [{"name": "URL", "value": "http://127.0.0.1:8888/"}]}
            """#, extra: [#"{"name": "probe", "command": ["curl", "localhost:8888"]}"#]), port: 41_004, settings: Self.podSettings)
        #expect(plan.environment["URL"] == "http://127.0.0.1:41004/")
        let pod = try #require(plan.pod)
        #expect(pod.main.arguments == ["python3", "-m", "http.server", "41004"])
        #expect(pod.sidecars.first?.arguments == ["curl", "localhost:41004"])
    }
}
