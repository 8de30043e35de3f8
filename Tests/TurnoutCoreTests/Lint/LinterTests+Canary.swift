import Testing
@testable import TurnoutCore

extension LinterTests {
    static let canaryFixtures: [BrokenFixture] = [
        BrokenFixture("canary-same-services.yaml", [
            "broken/canary-same-services.yaml:21:22: spec.strategy.canary.stableService: canaryService and stableService are both `demo-stable`; two different Services are required; create one Service for the canary and another for the stable pods",
        ]),
        BrokenFixture("surge-unavailable-zero.yaml", [
            "broken/surge-unavailable-zero.yaml:20:17: spec.strategy.canary.maxSurge: maxSurge and maxUnavailable cannot both be 0: no pod could ever be replaced; allow an extra pod (maxSurge: 1) or an unavailable one (maxUnavailable: 1)",
        ]),
        BrokenFixture("scale-down-delay-without-routing.yaml", [
            "broken/scale-down-delay-without-routing.yaml:20:30: spec.strategy.canary.scaleDownDelaySeconds: scaleDownDelaySeconds only applies with trafficRouting; remove it, or add trafficRouting (without it traffic follows the replica ratio)",
        ]),
        BrokenFixture("dynamic-stable-scale-without-routing.yaml", [
            "broken/dynamic-stable-scale-without-routing.yaml:20:27: spec.strategy.canary.dynamicStableScale: dynamicStableScale only applies with trafficRouting; remove it, or add trafficRouting (without it traffic follows the replica ratio)",
        ]),
        BrokenFixture("starting-step-beyond.yaml", [
            "broken/starting-step-beyond.yaml:23:23: spec.strategy.canary.analysis.startingStep: startingStep 2 is beyond the steps: there are 2, numbered from 0; use a step index from 0 to 1",
        ]),
    ]

    @Test(arguments: canaryFixtures)
    func canaryRules(_ fixture: BrokenFixture) {
        #expect(LintFixture.lines("broken/\(fixture.file)") == fixture.lines)
    }

    static let canaryStepFixtures: [BrokenFixture] = [
        BrokenFixture("setweight-over.yaml", [
            "broken/setweight-over.yaml:21:20: spec.strategy.canary.steps[0].setWeight: setWeight must be between 0 and 100, got 120; use a weight from 0 to 100",
        ]),
        BrokenFixture("setweight-over-max.yaml", [
            "broken/setweight-over-max.yaml:27:20: spec.strategy.canary.steps[0].setWeight: setWeight must be between 0 and 10, got 20; use a weight from 0 to 10",
        ]),
        BrokenFixture("step-no-action.yaml", [
            "broken/step-no-action.yaml:22:9: spec.strategy.canary.steps[1]: a step needs one action: setWeight, pause, analysis, setCanaryScale, setHeaderRoute or setMirrorRoute; e.g. `- setWeight: 20` or `- pause: {duration: 30s}`",
        ]),
        BrokenFixture("step-two-actions.yaml", [
            "broken/step-two-actions.yaml:21:9: spec.strategy.canary.steps[0]: a step takes only one of setWeight, pause, analysis and experiment; this one has setWeight and pause; split it into one step per action",
        ]),
        BrokenFixture("canary-scale-without-routing.yaml", [
            "broken/canary-scale-without-routing.yaml:22:11: spec.strategy.canary.steps[0].setCanaryScale: setCanaryScale needs trafficRouting; add trafficRouting, or remove the step: without routing the canary's size follows setWeight",
        ]),
        BrokenFixture("canary-scale-two.yaml", [
            "broken/canary-scale-two.yaml:27:11: warning: spec.strategy.canary.steps[0].setCanaryScale: setCanaryScale has weight and replicas; only replicas is used, as in Argo Rollouts; keep one of them",
        ]),
        BrokenFixture("header-route-without-routing.yaml", [
            "broken/header-route-without-routing.yaml:23:11: spec.strategy.canary.steps[1].setHeaderRoute: setHeaderRoute needs trafficRouting with managedRoutes; add trafficRouting with `managedRoutes: [{name: testers}]`",
        ]),
        BrokenFixture("header-route-unmanaged.yaml", [
            "broken/header-route-unmanaged.yaml:29:17: spec.strategy.canary.steps[0].setHeaderRoute.name: route `qa` is not in trafficRouting.managedRoutes; add `- name: qa` to spec.strategy.canary.trafficRouting.managedRoutes",
        ]),
        BrokenFixture("experiment-step.yaml", [
            "broken/experiment-step.yaml:23:11: warning: spec.strategy.canary.steps[1].experiment: experiment steps are not run by Turnout; the step is skipped; replace it with an analysis step to judge the canary",
        ]),
    ]

    @Test(arguments: canaryStepFixtures)
    func canaryStepRules(_ fixture: BrokenFixture) {
        #expect(LintFixture.lines("broken/\(fixture.file)") == fixture.lines)
    }

    static let trafficRoutingFixtures: [BrokenFixture] = [
        BrokenFixture("routing-no-router.yaml", [
            "broken/routing-no-router.yaml:23:9: spec.strategy.canary.trafficRouting: trafficRouting names no router; add nginx (with stableIngress), istio (with virtualService) or plugins (argoproj-labs/gatewayAPI), or remove trafficRouting to split by replica ratio",
        ]),
        BrokenFixture("max-traffic-weight-zero.yaml", [
            "broken/max-traffic-weight-zero.yaml:25:27: spec.strategy.canary.trafficRouting.maxTrafficWeight: maxTrafficWeight must be at least 1, got 0; use 100, or remove it",
        ]),
        BrokenFixture("nginx-no-ingress.yaml", [
            "broken/nginx-no-ingress.yaml:23:9: spec.strategy.canary.trafficRouting.nginx.stableIngress: nginx routing needs stableIngress: the Ingress that serves stable traffic; set stableIngress to the name of your Ingress",
        ]),
        BrokenFixture("istio-no-virtualservice.yaml", [
            "broken/istio-no-virtualservice.yaml:23:9: spec.strategy.canary.trafficRouting.istio.virtualService: istio routing needs a virtualService; name the VirtualService whose route weights Turnout sets: `virtualService: {name: NAME}`",
        ]),
        BrokenFixture("nginx-no-canary-service.yaml", [
            "broken/nginx-no-canary-service.yaml:19:5: spec.strategy.canary.canaryService: nginx traffic routing needs both canaryService and stableService; name the Service that selects the canary pods",
        ]),
    ]

    @Test(arguments: trafficRoutingFixtures)
    func trafficRoutingRules(_ fixture: BrokenFixture) {
        #expect(LintFixture.lines("broken/\(fixture.file)") == fixture.lines)
    }
}
