import Testing
@testable import TurnoutCore

extension LinterTests {
    /// A manifest written inline and every line `turnout lint` prints for it.
    struct InlineCase: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var lines: [String]

        init(_ name: String, _ yaml: String, lines: [String]) {
            self.name = name
            self.yaml = yaml
            self.lines = lines
        }

        var testDescription: String { name }
    }

    static let inlineCases: [InlineCase] = [
        InlineCase(
            "selector-expression-unmatched", InlineManifest.rollout(
            "  strategy:\n    canary: {}", selector: "matchExpressions: [{key: track, operator: In, values: [blue, green]}]\n    matchLabels: {app: demo}"),
            lines: [
            "inline.yaml:8:24: spec.selector.matchExpressions[0]: selector does not match template labels: spec.template.metadata.labels fail `track In (blue, green)`; change the requirement or the template's labels so the template's pods are selected",
        ]),
        InlineCase(
            "selector-expression-operator", InlineManifest.rollout(
            "  strategy:\n    canary: {}", selector: "matchExpressions: [{key: app, operator: Equals, values: [demo]}]\n    matchLabels: {app: demo}"),
            lines: [
            "inline.yaml:8:45: spec.selector.matchExpressions[0].operator: `Equals` is not a selector operator; use one of In, NotIn, Exists, DoesNotExist",
        ]),
        InlineCase(
            "selector-label-missing", InlineManifest.rollout("  strategy:\n    canary: {}", selector: "matchLabels:\n      track: blue"),
            lines: [
            "inline.yaml:9:14: spec.selector.matchLabels.track: selector does not match template labels: spec.template.metadata.labels has no `track`; add `track: blue` to spec.template.metadata.labels",
        ]),
        InlineCase(
            "selector-dotted-key", InlineManifest.rollout(
            "  strategy:\n    canary: {}", labels: "app.kubernetes.io/name: web", selector: "matchLabels:\n      app.kubernetes.io/name: demo"),
            lines: [
            "inline.yaml:9:31: spec.selector.matchLabels[\"app.kubernetes.io/name\"]: selector does not match template labels: `app.kubernetes.io/name` is `demo` here but `web` in spec.template.metadata.labels; use the same value in both places",
        ]),
        InlineCase(
            "invalid-name", InlineManifest.rollout("  strategy:\n    canary: {}").replacingOccurrences(of: "name: demo\nspec", with: "name: Demo_App\nspec"),
            lines: [
            "inline.yaml:4:9: metadata.name: `Demo_App` is not a valid Rollout name; use at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
        ]),
        InlineCase(
            "progress-deadline", InlineManifest.rollout("  strategy:\n    canary: {}", spec: "  minReadySeconds: 30\n  progressDeadlineSeconds: 30"),
            lines: [
            "inline.yaml:19:28: spec.progressDeadlineSeconds: progressDeadlineSeconds (30) must be greater than minReadySeconds (30); raise progressDeadlineSeconds above 30",
        ]),
        InlineCase(
            "revision-limit", InlineManifest.rollout("  strategy:\n    blueGreen:\n      activeService: demo\n      scaleDownDelayRevisionLimit: 20"),
            lines: [
            "inline.yaml:21:36: spec.strategy.blueGreen.scaleDownDelayRevisionLimit: scaleDownDelayRevisionLimit (20) cannot be more than revisionHistoryLimit (10); lower it, or raise spec.revisionHistoryLimit",
        ]),
        InlineCase(
            "cluster-template-found", InlineManifest.rollout(
            "  strategy:\n    blueGreen:\n      activeService: demo\n      postPromotionAnalysis:\n        templates:\n        - templateName: success-rate\n          clusterScope: true")
            + "\n---\n" + InlineManifest.template("  metrics:\n  - name: ok\n    provider:\n      web: {url: http://demo/healthz}", kind: "ClusterAnalysisTemplate"),
            lines: []),
        InlineCase(
            "template-name-empty", InlineManifest.rollout("  strategy:\n    blueGreen:\n      activeService: demo\n      prePromotionAnalysis:\n        templates:\n        - templateName: \"\""),
            lines: [
            "inline.yaml:23:25: spec.strategy.blueGreen.prePromotionAnalysis.templates[0].templateName: templateName is empty; name an AnalysisTemplate",
        ]),
        InlineCase(
            "hash-value", InlineManifest.rollout(
            "  strategy:\n    canary:\n      analysis:\n        templateName: success-rate\n        args:\n        - name: hash\n          valueFrom:\n            podTemplateHashValue: Canary"),
            lines: [
            "inline.yaml:21:23: warning: spec.strategy.canary.analysis.templateName: analysis template `success-rate` is not in these files; it must exist when the rollout runs",
            "inline.yaml:25:35: spec.strategy.canary.analysis.args[0].valueFrom.podTemplateHashValue: podTemplateHashValue must be Stable or Latest, got `Canary`; use Stable or Latest",
        ]),
        InlineCase(
            "routed-only", InlineManifest.rollout("  strategy:\n    canary:\n      abortScaleDownDelaySeconds: 10\n      minPodsPerReplicaSet: 2"),
            lines: [
            "inline.yaml:20:35: spec.strategy.canary.abortScaleDownDelaySeconds: abortScaleDownDelaySeconds only applies with trafficRouting; remove it, or add trafficRouting (without it traffic follows the replica ratio)",
            "inline.yaml:21:29: spec.strategy.canary.minPodsPerReplicaSet: minPodsPerReplicaSet only applies with trafficRouting; remove it, or add trafficRouting (without it traffic follows the replica ratio)",
        ]),
        InlineCase(
            "dynamic-with-delay", InlineManifest.rollout(
            "  strategy:\n    canary:\n      canaryService: c\n      stableService: s\n      dynamicStableScale: true\n      scaleDownDelaySeconds: 30\n      trafficRouting:\n        nginx: {stableIngress: demo}"),
            lines: [
            "inline.yaml:22:27: spec.strategy.canary.dynamicStableScale: dynamicStableScale cannot be used with scaleDownDelaySeconds; remove scaleDownDelaySeconds: with dynamicStableScale the stable pods scale down step by step",
        ]),
        InlineCase(
            "mirror-route", InlineManifest.rollout(
            "  strategy:\n    canary:\n      canaryService: c\n      stableService: s\n      trafficRouting:\n        istio: {virtualService: {name: demo}}\n        managedRoutes: [{name: mirror}]\n      steps:\n      - setMirrorRoute:\n          name: shadow\n          percentage: 150\n          match:\n          - method: {exact: GET, regex: G.*}"),
            lines: [
            "inline.yaml:27:17: spec.strategy.canary.steps[0].setMirrorRoute.name: route `shadow` is not in trafficRouting.managedRoutes; add `- name: shadow` to spec.strategy.canary.trafficRouting.managedRoutes",
            "inline.yaml:28:23: spec.strategy.canary.steps[0].setMirrorRoute.percentage: percentage must be between 0 and 100, got 150; use a percent of matching requests from 0 to 100",
            "inline.yaml:30:21: spec.strategy.canary.steps[0].setMirrorRoute.match[0].method: a match takes one of exact, prefix or regex; this one has exact and regex; keep exactly one of them",
        ]),
        InlineCase(
            "plugin-step", InlineManifest.rollout("  strategy:\n    canary:\n      steps:\n      - plugin:\n          name: acme/notify"),
            lines: [
            "inline.yaml:22:11: warning: spec.strategy.canary.steps[0].plugin: plugin steps are not run by Turnout; the step is skipped; replace it with an analysis step to judge the canary",
        ]),
        InlineCase(
            "header-match", InlineManifest.rollout(
            "  strategy:\n    canary:\n      canaryService: c\n      stableService: s\n      trafficRouting:\n        istio: {virtualService: {name: demo}}\n        managedRoutes: [{name: testers}]\n      steps:\n      - setHeaderRoute:\n          name: testers\n          match:\n          - headerName: X-Tester\n            headerValue: {exact: \"yes\", prefix: y}"),
            lines: [
            "inline.yaml:30:26: spec.strategy.canary.steps[0].setHeaderRoute.match[0].headerValue: a match takes one of exact, prefix or regex; this one has exact and prefix; keep exactly one of them",
        ]),
        InlineCase(
            "alb", InlineManifest.rollout("  strategy:\n    canary:\n      canaryService: c\n      trafficRouting:\n        alb: {ingress: demo}"),
            lines: [
            "inline.yaml:19:5: spec.strategy.canary.stableService: alb traffic routing needs both canaryService and stableService; name the Service that selects the stable pods",
            "inline.yaml:22:14: warning: spec.strategy.canary.trafficRouting.alb: Turnout does not route traffic through alb; it supports nginx, istio and the argoproj-labs/gatewayAPI plugin; use one of those routers, or remove trafficRouting to split by replica ratio",
        ]),
        InlineCase(
            "istio-subsets", InlineManifest.rollout(
            "  strategy:\n    canary:\n      trafficRouting:\n        istio:\n          virtualService: {name: demo}\n          destinationRule: {name: demo, canarySubsetName: canary, stableSubsetName: stable}"),
            lines: []),
        InlineCase(
            "plugins", InlineManifest.rollout(
            "  strategy:\n    canary:\n      trafficRouting:\n        plugins:\n          argoproj-labs/gatewayAPI: {httpRoute: demo}\n          acme/router: {}"),
            lines: [
            "inline.yaml:23:24: warning: spec.strategy.canary.trafficRouting.plugins[\"acme/router\"]: Turnout does not run the router plugin `acme/router`; it supports nginx, istio and the argoproj-labs/gatewayAPI plugin; use one of those routers",
        ]),
        InlineCase(
            "canary-scale-none", InlineManifest.rollout(
            "  strategy:\n    canary:\n      canaryService: c\n      stableService: s\n      trafficRouting:\n        nginx: {stableIngress: demo}\n      steps:\n      - setCanaryScale: {matchTrafficWeight: false}"),
            lines: [
            "inline.yaml:25:25: spec.strategy.canary.steps[0].setCanaryScale: setCanaryScale needs one of weight, replicas or matchTrafficWeight: true; e.g. `setCanaryScale: {replicas: 1}`",
        ]),
        InlineCase(
            "args-declared", InlineManifest.template(
            "  args:\n  - name: service-name\n  metrics:\n  - name: smoke\n    provider:\n      job:\n        spec:\n          template:\n            spec:\n              containers:\n              - name: curl\n                image: curlimages/curl\n                args: [\"http://{{ args.service-name }}/\", \"{{args.port}}\"]"),
            lines: [
            "inline.yaml:18:59: spec.metrics[0].provider.job.spec.template.spec.containers[0].args[1]: `{{args.port}}` names an argument spec.args does not declare; declare it under spec.args: `- name: port`",
        ]),
        InlineCase(
            "run-undeclared", """
            apiVersion: turnout.dev/v1alpha1
            kind: AnalysisRun
            metadata:
              name: demo-1
            spec:
              metrics:
              - name: ok
                successCondition: result == '{{args.expected}}'
                provider:
                  web: {url: http://demo/healthz}
            """,
            lines: [
            "inline.yaml:8:23: spec.metrics[0].successCondition: `{{args.expected}}` names an argument spec.args does not declare; declare it under spec.args: `- name: expected`",
        ]),
        InlineCase(
            "duplicate-args", InlineManifest.template("  args:\n  - name: service\n  - name: service\n  metrics:\n  - name: ok\n    provider:\n      web: {url: \"http://{{args.service}}/\"}"),
            lines: [
            "inline.yaml:8:11: spec.args[1].name: a second argument named `service`; declare each argument once",
        ]),
        InlineCase(
            "limits", InlineManifest.template("  metrics:\n  - name: ok\n    consecutiveErrorLimit: -1\n    inconclusiveLimit: -2\n    provider:\n      web: {url: http://demo/}"),
            lines: [
            "inline.yaml:8:28: spec.metrics[0].consecutiveErrorLimit: consecutiveErrorLimit cannot be negative, got -1; use 0 or more",
            "inline.yaml:9:24: spec.metrics[0].inconclusiveLimit: inconclusiveLimit cannot be negative, got -2; use 0 or more",
        ]),
    ]

    @Test(arguments: inlineCases)
    func inlineRules(_ inline: InlineCase) {
        #expect(LintFixture.lines(yaml: inline.yaml) == inline.lines)
    }
}
