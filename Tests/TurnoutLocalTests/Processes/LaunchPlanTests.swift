import Testing
import TurnoutCore
import TurnoutLocal

@Suite struct LaunchPlanTests {
    static func plan(_ container: String, port: Int = 41_000, gracePeriod: Int? = nil, extra: [String] = []) throws -> LaunchPlan {
        try LaunchPlan.build(template: ProcessFixture.template(container, gracePeriod: gracePeriod, extra: extra), port: port, settings: ProcessFixture.settings)
    }

    @Test(arguments: [
        // command + args, with $(VAR) from the container's env, PORT and TURNOUT_PORT
        (#"{"name": "a", "command": ["python3", "-m", "http.server"], "args": ["--bind", "127.0.0.1", "$(PORT)"]}"#,
         ["python3", "-m", "http.server", "--bind", "127.0.0.1", "41000"]),
        (#"{"name": "a", "command": ["/bin/app", "--port=$(TURNOUT_PORT)", "--name=$(NAME)"], "env": [{"name": "NAME", "value": "web"}]}"#,
         ["/bin/app", "--port=41000", "--name=web"]),
        // escapes and unknown variables stay literal
        (#"{"name": "a", "command": ["echo", "$$(PORT)", "$(NOPE)", "$HOME"]}"#,
         ["echo", "$(PORT)", "$(NOPE)", "$HOME"]),
        // the daemon's environment is not available to $(VAR), as on Kubernetes
        (#"{"name": "a", "command": ["echo", "$(PATH)"]}"#, ["echo", "$(PATH)"]),
        // an image without command: the image table, the tag as --color, then args
        (#"{"name": "a", "image": "argoproj/rollouts-demo:blue"}"#, ["/opt/turnout/bin/turnout", "demo-app", "--color", "blue"]),
        (#"{"name": "a", "image": "argoproj/rollouts-demo:green", "args": ["--latency", "20"]}"#,
         ["/opt/turnout/bin/turnout", "demo-app", "--color", "green", "--latency", "20"]),
        (#"{"name": "a", "image": "myorg/api:v7", "args": ["--port", "$(PORT)"]}"#, ["/srv/api", "--serve", "--port", "41000"]),
        // a command wins over the image table
        (#"{"name": "a", "image": "argoproj/rollouts-demo:blue", "command": ["/bin/true"]}"#, ["/bin/true"]),
        // an empty command counts as none
        (#"{"name": "a", "image": "myorg/api:v1", "command": []}"#, ["/srv/api", "--serve"]),
    ])
    func buildsTheArgumentVector(container: String, arguments: [String]) throws {
        #expect(try Self.plan(container).arguments == arguments)
    }

    @Test func environmentIsBaseThenPortThenTemplateInOrder() throws {
        let plan = try Self.plan(#"""
            {"name": "a", "command": ["app"], "env": [
              {"name": "PORT", "value": "8080"}, {"name": "HOST", "value": "127.0.0.1"},
              {"name": "URL", "value": "http://$(HOST):$(PORT)/"}, {"name": "HOME", "value": "/srv"},
              {"name": "LATER", "value": "$(EARLIER)"}, {"name": "EARLIER", "value": "x"}]}
            """#)
        #expect(plan.environment == [
            "PATH": "/usr/bin:/bin", "HOME": "/srv", "PORT": "41000", "TURNOUT_PORT": "41000",
            "HOST": "127.0.0.1", "URL": "http://127.0.0.1:41000/", "LATER": "$(EARLIER)", "EARLIER": "x",
        ])
        #expect(plan.port == 41_000)
        #expect(plan.address == "127.0.0.1:41000")
    }

    @Test func imageVariablesAreSetForImages() throws {
        let plan = try Self.plan(#"{"name": "a", "image": "argoproj/rollouts-demo:blue"}"#)
        #expect(plan.environment["TURNOUT_IMAGE"] == "argoproj/rollouts-demo:blue")
        #expect(plan.environment["TURNOUT_IMAGE_TAG"] == "blue")
    }

    @Test func workingDirectoryGracePeriodAndContainerChoice() throws {
        let plan = try Self.plan(#"{"name": "sidecar", "command": ["sleep", "1000"]}"#, gracePeriod: 5,
                                 extra: [#"{"name": "web", "command": ["/bin/web"], "workingDir": "/srv/web", "ports": [{"containerPort": 80}]}"#])
        #expect(plan.containerName == "web")
        #expect(plan.arguments == ["/bin/web"])
        #expect(plan.workingDirectory == "/srv/web")
        #expect(plan.terminationGracePeriodSeconds == 5)
        #expect(plan.ignoredContainers == ["sidecar"])
        #expect(try Self.plan(#"{"name": "a", "command": ["x"]}"#).terminationGracePeriodSeconds == 30)
    }

    @Test(arguments: [
        (#"{"name": "a", "command": ["x"]}"#, ReadinessCheck(action: .tcpConnect, periodSeconds: 1)),
        (#"{"name": "a", "command": ["x"], "readinessProbe": {"httpGet": {"path": "healthz", "port": 8080}}}"#,
         ReadinessCheck(action: .httpGet(path: "/healthz", headers: []), periodSeconds: 1)),
        (#"{"name": "a", "command": ["x"], "readinessProbe": {"httpGet": {"port": "http"}, "initialDelaySeconds": 2, "periodSeconds": 5, "timeoutSeconds": 3, "successThreshold": 2, "failureThreshold": 4}}"#,
         ReadinessCheck(action: .httpGet(path: "/", headers: []), initialDelaySeconds: 2, periodSeconds: 5, timeoutSeconds: 3, successThreshold: 2, failureThreshold: 4)),
        (#"{"name": "a", "command": ["x"], "readinessProbe": {"exec": {"command": ["cat", "/tmp/ready"]}}}"#,
         ReadinessCheck(action: .exec(["cat", "/tmp/ready"]), periodSeconds: 1)),
        (#"{"name": "a", "command": ["x"], "readinessProbe": {"tcpSocket": {"port": 8080}}}"#, ReadinessCheck(action: .tcpConnect, periodSeconds: 1)),
    ])
    func resolvesTheReadinessCheck(container: String, check: ReadinessCheck) throws {
        #expect(try Self.plan(container).readiness == check)
    }

    @Test(arguments: [
        (#"{"name": "a", "command": ["x"]}"#, nil),
        (#"{"name": "a", "command": ["x"], "lifecycle": {"preStop": {"exec": {"command": ["sleep", "5"]}}}}"#, StopHook.exec(["sleep", "5"])),
        (#"{"name": "a", "command": ["x"], "lifecycle": {"preStop": {"sleep": {"seconds": 3}}}}"#, StopHook.sleep(seconds: 3)),
        (#"{"name": "a", "command": ["x"], "lifecycle": {"preStop": {"httpGet": {"path": "/drain", "port": 80}}}}"#, StopHook.httpGet(path: "/drain", headers: [])),
    ] as [(String, StopHook?)])
    func resolvesThePreStopHook(container: String, hook: StopHook?) throws {
        #expect(try Self.plan(container).preStop == hook)
    }

    @Test(arguments: [
        (#"{"name": "web", "image": "myorg/web:1.7.9"}"#, ProcessSupervisorError.unknownImage(container: "web", image: "myorg/web:1.7.9")),
        (#"{"name": "web"}"#, .noCommand(container: "web")),
        (#"{"name": "web", "command": ["x"], "env": [{"name": "PASSWORD", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}]}"#,
         .unsupportedEnvironmentSource(container: "web", variable: "PASSWORD")),
        (#"{"name": "web", "command": ["x"], "readinessProbe": {"httpGet": {"port": 80, "scheme": "HTTPS"}}}"#,
         .unsupportedProbe(container: "web", field: "readinessProbe.httpGet.scheme", reason: "HTTPS is not supported by the single-host runtime; use HTTP, tcpSocket or exec")),
        (#"{"name": "web", "command": ["x"], "readinessProbe": {"grpc": {"port": 80}}}"#,
         .unsupportedProbe(container: "web", field: "readinessProbe.grpc", reason: "gRPC probes are not supported by the single-host runtime; use httpGet, tcpSocket or exec")),
    ])
    func rejectsWhatCannotRunLocally(container: String, error: ProcessSupervisorError) {
        #expect(throws: error) { try Self.plan(container) }
    }

    @Test func errorMessagesNameTheObjectAndTheFix() {
        #expect(ProcessSupervisorError.unknownImage(container: "web", image: "nginx:1.7.9").description
            == "container web: image nginx:1.7.9 has no command and is not in the image table; add it to images: in the runtime config or give the container a command")
        #expect(ProcessSupervisorError.noContainers.description.contains("add one under spec.template.spec.containers"))
        let wrapped = ProcessSupervisorError.failed(action: "start replica 0 of revision abc of rollout web", underlying: .commandNotFound(program: "python4", searchPath: "/usr/bin"))
        #expect(wrapped.description == "start replica 0 of revision abc of rollout web: start program python4: not found in PATH /usr/bin; install it or give its full path in command")
    }

    @Test func noContainersIsAnError() {
        #expect(throws: ProcessSupervisorError.noContainers) {
            try LaunchPlan.build(template: PodTemplate(spec: PodSpec(containers: [])), port: 1, settings: ProcessFixture.settings)
        }
    }
}
