"""Measures `turnout controller` on a live API server (used by bench/controller-latency.sh).

Watches Rollouts, ReplicaSets and Services of one namespace straight over HTTPS (no kubectl processes, so the
measuring costs the machine little; receipt times on one clock), changes every Rollout's image at RATE patches
per second, and reports for each rollout:
  spec change -> first ReplicaSet write: the patch's answer (the change is stored), to the new ReplicaSet's ADDED
  selector change -> step counted done: the active Service's selector switching to the new hash, to the Rollout's
      status.stableRS naming it (the controller waits for the EndpointSlices before it counts the switch)
Prints p50/p99 of both in milliseconds as JSON on stdout. The API server, its CA and a token come from
TURNOUT_KUBE_API, TURNOUT_KUBE_CA and TURNOUT_KUBE_TOKEN (`scripts/kube-testenv env`).
"""
import http.client
import json
import os
import ssl
import sys
import threading
import time
import urllib.parse

namespace, count, image, rate = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
server = urllib.parse.urlsplit(os.environ["TURNOUT_KUBE_API"])
context = ssl.create_default_context(cafile=os.environ["TURNOUT_KUBE_CA"])
headers = {"Authorization": "Bearer " + os.environ["TURNOUT_KUBE_TOKEN"]}
paths = {
    "rollouts": f"/apis/turnout.dev/v1alpha1/namespaces/{namespace}/rollouts",
    "replicasets": f"/apis/apps/v1/namespaces/{namespace}/replicasets",
    "services": f"/api/v1/namespaces/{namespace}/services",
}
events = []  # (time, resource, type, object)
lock = threading.Lock()
watching = threading.Barrier(len(paths) + 1)


def connection():
    return http.client.HTTPSConnection(server.hostname, server.port, context=context)


def watch(resource):
    # A watch from the list's resourceVersion sees only what changes after it.
    listing = connection()
    listing.request("GET", paths[resource], headers=headers)
    version = json.loads(listing.getresponse().read())["metadata"]["resourceVersion"]
    stream = connection()
    stream.request("GET", f"{paths[resource]}?watch=1&resourceVersion={version}", headers=headers)
    answer = stream.getresponse()
    watching.wait()
    for line in answer:
        event = json.loads(line)
        with lock:
            events.append((time.monotonic(), resource, event.get("type"), event.get("object", {})))


for resource in paths:
    threading.Thread(target=watch, args=(resource,), daemon=True).start()
watching.wait()

spec_changed = {}
patcher = connection()
patch = json.dumps([{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": image}])
started = time.monotonic()
for index in range(count):
    time.sleep(max(0, started + index / rate - time.monotonic()))
    patcher.request("PATCH", f"{paths['rollouts']}/r{index}", body=patch,
                    headers={**headers, "Content-Type": "application/json-patch+json"})
    answer = patcher.getresponse()
    answer.read()
    if answer.status != 200:
        sys.exit(f"patch r{index}: HTTP {answer.status}")
    spec_changed[f"r{index}"] = time.monotonic()

deadline = time.monotonic() + 300
names = [f"r{index}" for index in range(count)]


def analyse():
    with lock:
        seen = list(events)
    rs_written, new_hash, switched, done = {}, {}, {}, {}
    for at, resource, kind, obj in seen:
        meta = obj.get("metadata", {})
        name = meta.get("name", "")
        if resource == "rollouts":
            stable = obj.get("status", {}).get("stableRS")
            if name in new_hash and stable == new_hash[name] and name not in done:
                done[name] = at
        elif resource == "replicasets" and kind == "ADDED":
            owner = next((o["name"] for o in meta.get("ownerReferences", []) if o.get("kind") == "Rollout"), None)
            if owner in spec_changed and owner not in rs_written:
                rs_written[owner] = at
                new_hash[owner] = meta.get("labels", {}).get("rollouts-pod-template-hash")
        elif resource == "services" and kind == "MODIFIED":
            rollout = name[len("svc-"):]
            selector = obj.get("spec", {}).get("selector", {}).get("rollouts-pod-template-hash")
            if rollout in new_hash and selector == new_hash[rollout] and rollout not in switched:
                switched[rollout] = at
    return rs_written, switched, done


while time.monotonic() < deadline:
    rs_written, switched, done = analyse()
    if all(name in done and name in switched for name in names):
        break
    time.sleep(0.5)


def percentiles(values):
    values = sorted(values)
    if not values:
        return None
    def at(q):
        return round(values[min(len(values) - 1, int(q * len(values)))] * 1000, 1)
    return {"count": len(values), "p50_ms": at(0.50), "p99_ms": at(0.99), "max_ms": round(values[-1] * 1000, 1)}


# A ReplicaSet ADDED can arrive before the patch's answer does; such a write counts as 0 ms after the change.
first_write = [max(0, rs_written[n] - spec_changed[n]) for n in names if n in rs_written]
step_done = [done[n] - switched[n] for n in names if n in done and n in switched]
print(json.dumps({"rollouts": count, "patches_per_second": rate,
                  "spec_change_to_replicaset_write": percentiles(first_write),
                  "selector_change_to_step_done": percentiles(step_done)}))
