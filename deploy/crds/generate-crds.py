#!/usr/bin/env python3
"""Writes Turnout's CustomResourceDefinitions.

  deploy/crds/*.yaml                       group turnout.dev (what `kubectl apply -k deploy/` installs)
  Tests/Fixtures/crds/argoproj.io/*.yaml   group argoproj.io, standing in for an existing Argo Rollouts
                                           installation in tests

One description of the schema, two variants. The turnout.dev variant types exactly what the Swift model in
Sources/TurnoutCore/Model/ reads and writes (Tests/DeployManifestTests checks it against the model). The
argoproj.io variant has the shape of Argo Rollouts' published CRDs wherever Turnout relies on it: no
Turnout-only fields (status.retries, status.abortReason, status.canary.activeRoutes, the builtin and judge
metric providers, Prometheus basic/bearer authentication), status.observedGeneration a string, metric
interval/initialDelay strings, date-time formats where Argo has them.

Run from anywhere: python3 deploy/crds/generate-crds.py   (needs PyYAML). Commit the output.
"""

import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

TURNOUT = "turnout.dev"
ARGO = "argoproj.io"


# --- schema building blocks ---------------------------------------------------------------------------------

def string(fmt=None, description=None):
    s = {"type": "string"}
    if fmt:
        s["format"] = fmt
    if description:
        s["description"] = description
    return s


def integer(fmt="int32", description=None):
    s = {"type": "integer", "format": fmt}
    if description:
        s["description"] = description
    return s


def boolean(description=None):
    s = {"type": "boolean"}
    if description:
        s["description"] = description
    return s


def number(description=None):
    s = {"type": "number"}
    if description:
        s["description"] = description
    return s


def int_or_string(description=None):
    s = {"x-kubernetes-int-or-string": True}
    if description:
        s["description"] = description
    return s


def array(items, description=None):
    s = {"type": "array", "items": items}
    if description:
        s["description"] = description
    return s


def map_of(values, description=None):
    s = {"type": "object", "additionalProperties": values}
    if description:
        s["description"] = description
    return s


def obj(properties, required=None, preserve=False, description=None):
    s = {"type": "object"}
    if description:
        s["description"] = description
    if properties:
        s["properties"] = {k: v for k, v in properties.items() if v is not None}
    if required:
        s["required"] = sorted(required)
    if preserve:
        s["x-kubernetes-preserve-unknown-fields"] = True
    return s


def opaque(description=None):
    """An object kept as written: Turnout passes it through (a JSONValue in the model)."""
    return obj({}, preserve=True, description=description)


def any_value(description=None):
    """Any JSON value kept as written (a JSONValue that need not be an object)."""
    s = {"x-kubernetes-preserve-unknown-fields": True}
    if description:
        s["description"] = description
    return s


def only(group, wanted, schema):
    """`schema` when generating `wanted`'s group, else nothing (the property is left out)."""
    return schema if group == wanted else None


# --- shared pieces -------------------------------------------------------------------------------------------

def labels_and_annotations(description=None, name=False):
    properties = {"labels": map_of(string()), "annotations": map_of(string())}
    if name:
        properties["name"] = string()
    return obj(properties, description=description)


def label_selector():
    return obj({
        "matchLabels": map_of(string()),
        "matchExpressions": array(obj({
            "key": string(),
            "operator": string(),
            "values": array(string()),
        }, required=["key", "operator"])),
    }, description="Selects the rollout's pods; must match the template's labels.")


def port():
    return int_or_string("A port number or name.")


def http_get():
    return obj({
        "path": string(), "port": port(), "host": string(), "scheme": string(),
        "httpHeaders": array(obj({"name": string(), "value": string()}, required=["name", "value"])),
    }, required=["port"])


def exec_action():
    return obj({"command": array(string())})


def tcp_socket():
    return obj({"port": port(), "host": string()}, required=["port"])


def probe():
    return obj({
        "httpGet": http_get(), "exec": exec_action(), "tcpSocket": tcp_socket(), "grpc": opaque(),
        "initialDelaySeconds": integer(), "periodSeconds": integer(), "timeoutSeconds": integer(),
        "successThreshold": integer(), "failureThreshold": integer(),
        "terminationGracePeriodSeconds": integer("int64"),
    })


def lifecycle_handler():
    return obj({
        "exec": exec_action(), "httpGet": http_get(), "tcpSocket": tcp_socket(),
        "sleep": obj({"seconds": integer("int64")}, required=["seconds"]),
    })


def container():
    """The fields Turnout's model reads are typed; the rest of a container (volumeMounts, securityContext, ...)
    is kept as written."""
    return obj({
        "name": string(), "image": string(),
        "command": array(string()), "args": array(string()),
        "env": array(obj({"name": string(), "value": string(), "valueFrom": opaque()}, required=["name"])),
        "ports": array(obj({
            "containerPort": integer(), "name": string(), "protocol": string(),
            "hostPort": integer(), "hostIP": string(),
        }, required=["containerPort"])),
        "workingDir": string(),
        "readinessProbe": probe(), "livenessProbe": probe(), "startupProbe": probe(),
        "lifecycle": obj({"postStart": lifecycle_handler(), "preStop": lifecycle_handler()}),
        "resources": opaque(), "imagePullPolicy": string(),
    }, required=["name"], preserve=True)


def pod_template(description):
    """A pod template: metadata and the containers typed, the rest of the pod spec (volumes, affinity, ...)
    kept as written (Argo's CRDs do the same when the full pod spec is too big)."""
    return obj({
        "metadata": labels_and_annotations(name=True),
        "spec": obj({
            "containers": array(container()),
            "initContainers": array(container()),
            "terminationGracePeriodSeconds": integer("int64"),
        }, required=["containers"], preserve=True),
    }, required=["spec"], description=description)


def duration(group, description):
    # Argo types metric intervals as strings ("30s"); Turnout also reads plain seconds (30), and the model
    # writes a whole number of seconds back as an integer.
    return string(description=description) if group == ARGO else int_or_string(description)


# --- analysis ------------------------------------------------------------------------------------------------

def web_header():
    return obj({"key": string(), "value": string()}, required=["key", "value"])


def metric_provider(group):
    pod = pod_template("The Job's pod template.")
    argo_auth = obj({
        "basicAuth": obj({"username": string(), "password": string()}),
        "oauth2": obj({"clientId": string(), "clientSecret": string(), "scopes": array(string()), "tokenUrl": string()}),
        "sigv4": obj({"profile": string(), "region": string(), "roleArn": string()}),
    })
    if group == TURNOUT:
        prometheus_auth = obj({
            "basic": obj({"username": string(), "password": string()}, required=["username", "password"]),
            "bearerToken": string(),
            "sigv4": opaque(),
            "oauth2": opaque(),
        })
    else:
        prometheus_auth = argo_auth
    return obj({
        "builtin": only(group, TURNOUT, obj({
            "metric": string(description="success-rate, error-rate, latency or request-count."),
            "percentile": number(),
            "route": string(),
        }, required=["metric"], description="Turnout's embedded proxy metrics.")),
        "judge": only(group, TURNOUT, obj({
            "metrics": array(obj({
                "name": string(), "kind": string(description="latency or error-rate."),
                "direction": string(), "critical": boolean(), "weight": number(), "group": string(),
                "allowedIncrease": number(), "allowedDecrease": number(), "minimumSamples": integer(),
            }, required=["name", "kind"])),
            "confidence": number(),
            "thresholds": obj({"pass": number(), "marginal": number()}),
            "route": string(),
        }, required=["metrics"], description="Turnout's canary judge: canary against stable.")),
        "prometheus": obj({
            "address": string(), "query": string(), "timeout": integer("int64"), "insecure": boolean(),
            "headers": array(web_header()),
            "authentication": prometheus_auth,
            "rangeQuery": obj({"start": string(), "end": string(), "step": string()}),
        }),
        "web": obj({
            "url": string(), "method": string(), "headers": array(web_header()), "body": string(),
            "jsonBody": any_value() if group == TURNOUT else opaque(),
            "timeoutSeconds": integer("int64"), "jsonPath": string(), "insecure": boolean(),
            "authentication": only(group, ARGO, argo_auth),
        }, required=["url"]),
        "job": obj({
            "metadata": labels_and_annotations(),
            "spec": obj({
                "template": pod,
                "backoffLimit": integer(),
                "activeDeadlineSeconds": integer("int64"),
                "ttlSecondsAfterFinished": integer(),
                "parallelism": only(group, ARGO, integer()),
                "completions": only(group, ARGO, integer()),
            }, required=["template"]),
        }, required=["spec"]),
        "datadog": opaque(), "newRelic": opaque(), "wavefront": opaque(), "kayenta": opaque(),
        "cloudWatch": opaque(), "graphite": opaque(), "influxdb": opaque(), "skywalking": opaque(),
        "plugin": opaque(),
    }, description="Where measurements come from: exactly one provider.")


def metric(group):
    return obj({
        "name": string(),
        "interval": duration(group, "Time between measurements."),
        "initialDelay": duration(group, "Time before the first measurement."),
        "count": int_or_string("Measurements to take (or an argument placeholder)."),
        "successCondition": string(), "failureCondition": string(),
        "failureLimit": int_or_string(), "inconclusiveLimit": int_or_string(),
        "consecutiveErrorLimit": int_or_string(), "consecutiveSuccessLimit": int_or_string(),
        "provider": metric_provider(group),
    }, required=["name", "provider"])


def dry_run():
    return array(obj({"metricName": string()}, required=["metricName"]))


def measurement_retention():
    return array(obj({"metricName": string(), "limit": integer()}, required=["metricName", "limit"]))


def field_ref():
    return obj({"fieldPath": string()}, required=["fieldPath"])


def analysis_argument():
    """An argument of a template or run: a value, or one from a Secret or a field."""
    return obj({
        "name": string(), "value": string(),
        "valueFrom": obj({
            "secretKeyRef": obj({"name": string(), "key": string()}, required=["name", "key"]),
            "fieldRef": field_ref(),
        }),
    }, required=["name"])


def analysis_template_spec(group):
    return obj({
        "metrics": array(metric(group)),
        "args": array(analysis_argument()),
        "dryRun": dry_run(),
        "measurementRetention": measurement_retention(),
        "templates": only(group, ARGO, array(obj({"templateName": string(), "clusterScope": boolean()}))),
    }, required=["metrics"] if group == TURNOUT else None)


def analysis_run_spec(group):
    return obj({
        "metrics": array(metric(group)),
        "args": array(analysis_argument()),
        "terminate": boolean(description="Stop the run: no more measurements."),
        "dryRun": dry_run(),
        "measurementRetention": measurement_retention(),
    }, required=["metrics"])


def analysis_run_status(group):
    time = string("date-time") if group == ARGO else string()
    run_summary = obj({k: integer() for k in ["count", "successful", "failed", "inconclusive", "error"]})
    return obj({
        "phase": string(description="Pending, Running, Successful, Failed, Error or Inconclusive."),
        "message": string(),
        "startedAt": time,
        "completedAt": only(group, ARGO, time),
        "runSummary": only(group, ARGO, run_summary),
        "dryRunSummary": only(group, ARGO, run_summary),
        "metricResults": array(obj({
            "name": string(), "phase": string(), "message": string(),
            "measurements": array(obj({
                "phase": string(), "value": string(), "message": string(),
                "startedAt": time, "finishedAt": time, "resumeAt": time,
                "metadata": map_of(string()),
            }, required=["phase"])),
            "count": integer(), "successful": integer(), "failed": integer(), "inconclusive": integer(),
            "error": integer(), "consecutiveError": integer(), "consecutiveSuccess": integer(),
            "dryRun": boolean(),
            "metadata": only(group, ARGO, map_of(string())),
        }, required=["name", "phase"])),
    }, required=["phase"])


# --- rollout -------------------------------------------------------------------------------------------------

def rollout_analysis(background=False):
    properties = {
        "templates": array(obj({"templateName": string(), "clusterScope": boolean()}, required=["templateName"])),
        "templateName": string(description="A single template (older form of templates)."),
        "args": array(obj({
            "name": string(), "value": string(),
            "valueFrom": obj({"podTemplateHashValue": string(), "fieldRef": field_ref()}),
        }, required=["name"])),
        "dryRun": dry_run(),
        "measurementRetention": measurement_retention(),
        "analysisRunMetadata": labels_and_annotations(),
    }
    if background:
        properties["startingStep"] = integer()
    return obj(properties)


def anti_affinity():
    return obj({
        "preferredDuringSchedulingIgnoredDuringExecution": obj({"weight": integer()}, required=["weight"]),
        "requiredDuringSchedulingIgnoredDuringExecution": obj({}),
    })


def string_match():
    return obj({"exact": string(), "prefix": string(), "regex": string()})


def canary_step():
    return obj({
        "setWeight": integer(description="Percent of traffic to the canary."),
        "pause": obj({"duration": int_or_string("Seconds, or a duration such as 30s, 5m, 1h; none waits for promotion.")}),
        "analysis": rollout_analysis(),
        "setCanaryScale": obj({"weight": integer(), "replicas": integer(), "matchTrafficWeight": boolean()}),
        "setHeaderRoute": obj({
            "name": string(),
            "match": array(obj({"headerName": string(), "headerValue": string_match()},
                               required=["headerName", "headerValue"])),
        }, required=["name"]),
        "setMirrorRoute": obj({
            "name": string(),
            "match": array(obj({"method": string_match(), "path": string_match(), "headers": map_of(string_match())})),
            "percentage": integer(),
        }, required=["name"]),
        "experiment": opaque("Not supported by Turnout (refused by turnout lint); kept as written."),
        "plugin": obj({"name": string(), "config": opaque()}, required=["name"]),
    })


def istio_virtual_service():
    return obj({
        "name": string(), "routes": array(string()),
        "tlsRoutes": array(opaque()), "tcpRoutes": array(opaque()),
    }, required=["name"])


def gateway_api():
    return obj({
        "httpRoute": string(), "namespace": string(),
        "httpRoutes": array(obj({"name": string(), "useHeaderRoutes": boolean()}, required=["name"])),
        "grpcRoute": string(),
        "grpcRoutes": array(obj({"name": string(), "useHeaderRoutes": boolean()}, required=["name"])),
    }, description="Gateway API HTTPRoute and GRPCRoute weights (the argoproj-labs/gatewayAPI plugin's configuration as a field).")


def traffic_routing(group):
    return obj({
        "nginx": obj({
            "stableIngress": string(), "stableIngresses": array(string()), "annotationPrefix": string(),
            "additionalIngressAnnotations": map_of(string()), "canaryIngressAnnotations": map_of(string()),
        }),
        "istio": obj({
            "virtualService": istio_virtual_service(),
            "virtualServices": array(istio_virtual_service()),
            "destinationRule": obj({
                "name": string(), "canarySubsetName": string(), "stableSubsetName": string(),
                "additionalSubsetNames": array(string()),
            }, required=["name", "canarySubsetName", "stableSubsetName"]),
        }),
        "smi": opaque(), "alb": opaque(), "appMesh": opaque(), "ambassador": opaque(), "apisix": opaque(),
        "traefik": opaque(),
        "plugins": opaque("Router plugins by name, e.g. argoproj-labs/gatewayAPI."),
        "gatewayAPI": only(group, TURNOUT, gateway_api()),
        "managedRoutes": array(obj({"name": string()}, required=["name"])),
        "maxTrafficWeight": integer(),
    })


def blue_green():
    return obj({
        "activeService": string(description="The Service that sends production traffic to the active revision."),
        "previewService": string(description="The Service that reaches the new revision before promotion."),
        "previewReplicaCount": integer(),
        "autoPromotionEnabled": boolean(),
        "autoPromotionSeconds": integer(),
        "maxUnavailable": int_or_string(),
        "scaleDownDelaySeconds": integer(),
        "scaleDownDelayRevisionLimit": integer(),
        "abortScaleDownDelaySeconds": integer(),
        "prePromotionAnalysis": rollout_analysis(),
        "postPromotionAnalysis": rollout_analysis(),
        "previewMetadata": labels_and_annotations(),
        "activeMetadata": labels_and_annotations(),
        "antiAffinity": anti_affinity(),
    })


def canary(group):
    return obj({
        "canaryService": string(), "stableService": string(),
        "steps": array(canary_step()),
        "trafficRouting": traffic_routing(group),
        "maxUnavailable": int_or_string(), "maxSurge": int_or_string(),
        "analysis": rollout_analysis(background=True),
        "dynamicStableScale": boolean(),
        "scaleDownDelaySeconds": integer(), "scaleDownDelayRevisionLimit": integer(),
        "abortScaleDownDelaySeconds": integer(), "minPodsPerReplicaSet": integer(),
        "canaryMetadata": labels_and_annotations(), "stableMetadata": labels_and_annotations(),
        "antiAffinity": anti_affinity(),
        "pingPong": obj({"pingService": string(), "pongService": string()}, required=["pingService", "pongService"]),
        "replicaProgressThreshold": obj({"type": string(), "value": integer()}, required=["type", "value"]),
    })


def rollout_spec(group):
    return obj({
        "replicas": integer(description="Desired pods (default 1)."),
        "selector": label_selector(),
        "template": pod_template("The pod template of the desired revision."),
        "workloadRef": obj({"apiVersion": string(), "kind": string(), "name": string(), "scaleDown": string()},
                           description="A Deployment whose pod template is used instead of template."),
        "minReadySeconds": integer(),
        "revisionHistoryLimit": integer(),
        "paused": boolean(),
        "progressDeadlineSeconds": integer(),
        "progressDeadlineAbort": boolean(),
        "restartAt": string("date-time") if group == ARGO else string(description="Restart pods created before this time (RFC 3339)."),
        "rollbackWindow": obj({"revisions": integer()}),
        "analysis": obj({"successfulRunHistoryLimit": integer(), "unsuccessfulRunHistoryLimit": integer()}),
        "strategy": obj({"blueGreen": blue_green(), "canary": canary(group)},
                        description="Exactly one of blueGreen or canary."),
    })


def rollout_status(group):
    run_status = obj({"name": string(), "status": string(), "message": string()}, required=["name", "status"])
    destination = obj({
        "weight": integer(), "podTemplateHash": string(),
        "serviceName": only(group, ARGO, string()),
    }, required=["weight"])
    date_time = string("date-time")
    return obj({
        "phase": string(description="Healthy, Progressing, Paused or Degraded."),
        "message": string(),
        "observedGeneration": (string(description="The spec generation this status describes (a string in Argo's schema).")
                               if group == ARGO else integer("int64", "The spec generation this status describes.")),
        "currentPodHash": string(), "stableRS": string(),
        "currentStepIndex": integer(),
        "currentStepHash": only(group, ARGO, string()),
        "pauseConditions": array(obj({"reason": string(), "startTime": date_time}, required=["reason", "startTime"])),
        "controllerPause": boolean(),
        "abort": boolean(),
        "abortedAt": date_time,
        "abortReason": only(group, TURNOUT, string(description="Why the update was aborted (Turnout only).")),
        "retries": only(group, TURNOUT, integer(description="Times an aborted update was retried (Turnout only).")),
        "promoteFull": boolean(),
        "restartedAt": string("date-time") if group == ARGO else string(),
        "replicas": integer(), "updatedReplicas": integer(), "readyReplicas": integer(), "availableReplicas": integer(),
        "collisionCount": only(group, ARGO, integer()),
        "workloadObservedGeneration": only(group, ARGO, string()),
        "conditions": array(obj({
            "type": string(), "status": string(), "reason": string(), "message": string(),
            "lastTransitionTime": date_time, "lastUpdateTime": date_time,
        }, required=["type", "status", "reason", "message", "lastTransitionTime", "lastUpdateTime"])),
        "canary": obj({
            "weights": obj({
                "canary": destination, "stable": destination,
                "additional": only(group, ARGO, array(destination)),
                "verified": boolean(),
            }, required=["canary", "stable"]),
            "currentStepAnalysisRunStatus": run_status,
            "currentBackgroundAnalysisRunStatus": run_status,
            "currentExperiment": only(group, ARGO, string()),
            "stablePingPong": only(group, ARGO, string()),
            "activeRoutes": only(group, TURNOUT, array(string(), "Header and mirror routes in effect (Turnout only).")),
        }),
        "blueGreen": obj({
            "activeSelector": string(), "previewSelector": string(), "scaleUpPreviewCheckPoint": boolean(),
            "prePromotionAnalysisRunStatus": run_status, "postPromotionAnalysisRunStatus": run_status,
        }),
        "selector": string(description="The label selector of the pods HPAReplicas counts (scale subresource)."),
        "HPAReplicas": integer(description="The replicas a HorizontalPodAutoscaler sees (scale subresource)."),
    })


# --- the CRDs ------------------------------------------------------------------------------------------------

SHORT_NAMES = {
    # Argo Rollouts claims ro, at, cat and ar; both groups can be installed in one cluster (a migration), so
    # turnout.dev takes its own: kubectl refuses nothing, but one short name would resolve to only one group.
    TURNOUT: {"Rollout": ["tro"], "AnalysisTemplate": ["tat"], "ClusterAnalysisTemplate": ["tcat"], "AnalysisRun": ["tar"]},
    ARGO: {"Rollout": ["ro"], "AnalysisTemplate": ["at"], "ClusterAnalysisTemplate": ["cat"], "AnalysisRun": ["ar"]},
}

AGE = {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp", "description": "Time since the object was created"}


def root(spec, status=None, description=None):
    properties = {
        "apiVersion": string(), "kind": string(), "metadata": {"type": "object"},
        "spec": spec,
    }
    if status is not None:
        properties["status"] = status
    return obj(properties, required=["spec"], description=description)


def crd(group, kind, plural, scope, schema, columns, subresources=None):
    names = {
        "kind": kind, "listKind": kind + "List", "plural": plural, "singular": kind.lower(),
        "shortNames": SHORT_NAMES[group][kind],
    }
    if group == TURNOUT:
        names["categories"] = ["turnout"]
    version = {
        "name": "v1alpha1", "served": True, "storage": True,
        "schema": {"openAPIV3Schema": schema},
        "additionalPrinterColumns": columns,
    }
    if subresources:
        version["subresources"] = subresources
    labels = {"app.kubernetes.io/part-of": "turnout"} if group == TURNOUT else {"app.kubernetes.io/part-of": "argo-rollouts-test-fixture"}
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": f"{plural}.{group}", "labels": labels},
        "spec": {"group": group, "names": names, "scope": scope, "versions": [version]},
    }


def crds(group):
    rollout_columns = [
        {"name": "Desired", "type": "integer", "jsonPath": ".spec.replicas", "description": "Desired pods"},
        {"name": "Current", "type": "integer", "jsonPath": ".status.replicas", "description": "Pods of every revision"},
        {"name": "Up-to-date", "type": "integer", "jsonPath": ".status.updatedReplicas", "description": "Pods of the desired revision"},
        {"name": "Available", "type": "integer", "jsonPath": ".status.availableReplicas", "description": "Available pods"},
        AGE,
    ]
    return {
        "rollout": crd(group, "Rollout", "rollouts", "Namespaced",
                       root(rollout_spec(group), rollout_status(group),
                            "A workload that moves from one revision to the next by a blue-green or canary strategy."),
                       rollout_columns,
                       {"status": {}, "scale": {"specReplicasPath": ".spec.replicas",
                                                "statusReplicasPath": ".status.HPAReplicas",
                                                "labelSelectorPath": ".status.selector"}}),
        "analysis-template": crd(group, "AnalysisTemplate", "analysistemplates", "Namespaced",
                                 root(analysis_template_spec(group), description="Metrics that decide whether a revision is healthy."),
                                 [AGE]),
        "cluster-analysis-template": crd(group, "ClusterAnalysisTemplate", "clusteranalysistemplates", "Cluster",
                                         root(analysis_template_spec(group), description="An AnalysisTemplate every namespace can use."),
                                         [AGE]),
        "analysis-run": crd(group, "AnalysisRun", "analysisruns", "Namespaced",
                            root(analysis_run_spec(group), analysis_run_status(group), "One run of an analysis: its measurements and verdict."),
                            [{"name": "Status", "type": "string", "jsonPath": ".status.phase", "description": "The run's phase"}, AGE],
                            {"status": {}}),
    }


class PlainDumper(yaml.SafeDumper):
    """Writes repeated pieces in full: no YAML anchors or aliases in a CRD."""

    def ignore_aliases(self, data):
        return True


def write(group, directory, header):
    os.makedirs(directory, exist_ok=True)
    for name, document in crds(group).items():
        path = os.path.join(directory, f"{name}-crd.yaml")
        with open(path, "w") as out:
            out.write(header)
            yaml.dump(document, out, Dumper=PlainDumper, sort_keys=False, width=120, default_flow_style=False)
        print(os.path.relpath(path, ROOT))


def main():
    generated = "# Generated by deploy/crds/generate-crds.py: edit that script, run it, commit both.\n"
    write(TURNOUT, os.path.join(ROOT, "deploy", "crds"), generated)
    write(ARGO, os.path.join(ROOT, "Tests", "Fixtures", "crds", "argoproj.io"),
          generated + "# Test fixture: the shape of Argo Rollouts' published CRDs where Turnout relies on it.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
