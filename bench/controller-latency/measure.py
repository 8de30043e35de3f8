"""Measures `turnout controller` on a live API server (used by bench/controller-latency.sh).

Watches Rollouts, ReplicaSets and Services of one namespace through `kubectl get -w` (receipt times on one
clock), changes every Rollout's image, and reports for each rollout:
  spec change -> first ReplicaSet write: the Rollout event with the new generation, to the new ReplicaSet's ADDED
  selector change -> step counted done: the active Service's selector switching to the new hash, to the Rollout's
      status.stableRS naming it (the controller waits for the EndpointSlices before it counts the switch)
Prints p50/p99 of both in milliseconds as JSON on stdout.
"""
import json
import subprocess
import sys
import threading
import time

namespace, count, image = sys.argv[1], int(sys.argv[2]), sys.argv[3]
events = []  # (time, kind, object)
lock = threading.Lock()


def watch(resource):
    process = subprocess.Popen(["kubectl", "get", resource, "-n", namespace, "-w", "--output-watch-events", "-o", "json"],
                               stdout=subprocess.PIPE, text=True)
    decoder = json.JSONDecoder()
    buffer = ""
    for chunk in iter(lambda: process.stdout.readline(), ""):
        buffer += chunk
        while True:
            stripped = buffer.lstrip()
            if not stripped:
                buffer = ""
                break
            try:
                event, end = decoder.raw_decode(stripped)
            except ValueError:
                break
            buffer = stripped[end:]
            with lock:
                events.append((time.monotonic(), resource, event.get("type"), event.get("object", {})))
    return process


threads = [threading.Thread(target=watch, args=(r,), daemon=True) for r in ("rollouts.turnout.dev", "replicasets", "services")]
for thread in threads:
    thread.start()
time.sleep(3)  # the watches list what exists first

for index in range(count):
    subprocess.run(["kubectl", "patch", "rollouts.turnout.dev", f"r{index}", "-n", namespace, "--type", "json", "-p",
                    json.dumps([{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": image}])],
                   check=True, stdout=subprocess.DEVNULL)

deadline = time.monotonic() + 300
names = [f"r{index}" for index in range(count)]


def analyse():
    with lock:
        seen = list(events)
    spec_changed, rs_written, new_hash, switched, done = {}, {}, {}, {}, {}
    for at, resource, kind, obj in seen:
        meta = obj.get("metadata", {})
        name = meta.get("name", "")
        if resource.startswith("rollouts"):
            if meta.get("generation", 1) >= 2 and name not in spec_changed:
                spec_changed[name] = at
            stable = obj.get("status", {}).get("stableRS")
            if name in new_hash and stable == new_hash[name] and name not in done:
                done[name] = at
        elif resource == "replicasets" and kind == "ADDED":
            owner = next((o["name"] for o in meta.get("ownerReferences", []) if o.get("kind") == "Rollout"), None)
            if owner in spec_changed and owner not in rs_written and at >= spec_changed[owner]:
                rs_written[owner] = at
                new_hash[owner] = meta.get("labels", {}).get("rollouts-pod-template-hash")
        elif resource == "services" and kind == "MODIFIED":
            rollout = name[len("svc-"):]
            selector = obj.get("spec", {}).get("selector", {}).get("rollouts-pod-template-hash")
            if rollout in new_hash and selector == new_hash[rollout] and rollout not in switched:
                switched[rollout] = at
    return spec_changed, rs_written, switched, done


while time.monotonic() < deadline:
    spec_changed, rs_written, switched, done = analyse()
    if all(name in done and name in switched for name in names):
        break
    time.sleep(1)


def percentiles(values):
    values = sorted(values)
    if not values:
        return None
    def at(q):
        return round(values[min(len(values) - 1, int(q * len(values)))] * 1000, 1)
    return {"count": len(values), "p50_ms": at(0.50), "p99_ms": at(0.99), "max_ms": round(values[-1] * 1000, 1)}


first_write = [rs_written[n] - spec_changed[n] for n in names if n in rs_written]
step_done = [done[n] - switched[n] for n in names if n in done and n in switched]
print(json.dumps({"rollouts": count, "spec_change_to_replicaset_write": percentiles(first_write),
                  "selector_change_to_step_done": percentiles(step_done)}))
