#!/usr/bin/env bash
# `turnout controller` with ROLLOUTS blue-green Rollouts (turnout.dev, 1 replica each, automatic promotion) on
# the scripts/kube-testenv API server (started here when none runs): p50/p99 from a spec change to the first
# ReplicaSet write and from the active Service's selector change to the switch being counted done, and the
# controller's RSS once every rollout is Healthy. Targets (issue 10): p99 spec-change-to-action < 100 ms,
# RSS < 50 MiB at 100 rollouts. No peer runs here: Argo Rollouts' controller needs images nothing here can run.
#
#   bench/controller-latency.sh                          # builds turnout (release) first, 100 rollouts
#   TURNOUT_BIN=.build/debug/turnout ROLLOUTS=20 bench/controller-latency.sh
#   WORKERS=16 bench/controller-latency.sh               # the controller's --workers (default 4)
#   RATE=50 bench/controller-latency.sh                  # image changes per second (default 10)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROLLOUTS=${ROLLOUTS:-100}
RATE=${RATE:-10}

source bench/support.sh
bench_need python3 jq
bench_turnout_binary
bench_workdir controller-latency

if ! scripts/kube-testenv status >/dev/null 2>&1; then
    export TURNOUT_KUBE_DIR="$WORK/kube"
    scripts/kube-testenv up >&2
    STARTED_TESTENV=1
fi
eval "$(scripts/kube-testenv env)"
NAMESPACE="bench-latency-$$"
finish() {
    kubectl delete namespace "$NAMESPACE" --wait=false >/dev/null 2>&1 || true
    [ "${STARTED_TESTENV:-0}" = 1 ] && scripts/kube-testenv down >&2 || true
    bench_cleanup
}
trap finish EXIT

kubectl apply --server-side --force-conflicts -k deploy/crds >/dev/null
bench_crds_established rollouts.turnout.dev
kubectl create namespace "$NAMESPACE" >/dev/null

for index in $(seq 0 $((ROLLOUTS - 1))); do
    cat <<YAML
apiVersion: turnout.dev/v1alpha1
kind: Rollout
metadata: {name: r$index}
spec:
  replicas: 1
  selector: {matchLabels: {app: r$index}}
  template:
    metadata: {labels: {app: r$index}}
    spec:
      containers: [{name: app, image: "example/app:blue"}]
  strategy:
    blueGreen: {activeService: svc-r$index, scaleDownDelaySeconds: 5}
---
apiVersion: v1
kind: Service
metadata: {name: svc-r$index}
spec:
  selector: {app: r$index}
  ports: [{port: 80, protocol: TCP}]
---
YAML
done >"$WORK/rollouts.yaml"
kubectl apply -n "$NAMESPACE" -f "$WORK/rollouts.yaml" >/dev/null

HEALTH_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$TURNOUT_BIN" controller -n "$NAMESPACE" --api-group turnout.dev --health-address "127.0.0.1:$HEALTH_PORT" --identity bench --workers "${WORKERS:-4}" --log-level warning \
    >"$WORK/controller.out" 2>"$WORK/controller.log" &
CONTROLLER=$!
PIDS+=("$CONTROLLER")

healthy() { kubectl get rollouts.turnout.dev -n "$NAMESPACE" -o json | jq '[.items[] | select(.status.phase == "Healthy")] | length'; }
echo "waiting for $ROLLOUTS rollouts to become Healthy ..." >&2
for _ in $(seq 1 300); do
    [ "$(healthy)" -eq "$ROLLOUTS" ] && break
    sleep 1
done
[ "$(healthy)" -eq "$ROLLOUTS" ] || { echo "only $(healthy) of $ROLLOUTS became Healthy" >&2; tail -20 "$WORK/controller.log" >&2; exit 1; }
rss_healthy=$(awk '/VmRSS/ {print $2}' "/proc/$CONTROLLER/status")

echo "changing every rollout's image ($RATE a second) and measuring ..." >&2
python3 bench/controller-latency/measure.py "$NAMESPACE" "$ROLLOUTS" "example/app:green" "$RATE" >"$WORK/result.json"
rss_after=$(awk '/VmRSS/ {print $2}' "/proc/$CONTROLLER/status")
anon_after=$(awk '/RssAnon/ {print $2}' "/proc/$CONTROLLER/status")
curl -fsS "http://127.0.0.1:$HEALTH_PORT/metrics" >"$WORK/metrics.txt" || true

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
jq -r '"rollouts: \(.rollouts), image changes: \(.patches_per_second) a second",
  "spec change -> first ReplicaSet write: p50 \(.spec_change_to_replicaset_write.p50_ms) ms, p99 \(.spec_change_to_replicaset_write.p99_ms) ms, max \(.spec_change_to_replicaset_write.max_ms) ms (\(.spec_change_to_replicaset_write.count) measured; target p99 < 100 ms)",
  "selector change -> switch counted done: p50 \(.selector_change_to_step_done.p50_ms) ms, p99 \(.selector_change_to_step_done.p99_ms) ms, max \(.selector_change_to_step_done.max_ms) ms (\(.selector_change_to_step_done.count) measured)"' "$WORK/result.json"
echo "controller RSS: $((rss_healthy / 1024)) MiB with $ROLLOUTS Healthy rollouts, $((rss_after / 1024)) MiB after the updates, of which $((anon_after / 1024)) MiB anonymous (the rest is the binary's and Swift libraries' code, file-backed) (target < 50 MiB)"
awk '/^turnout_reconcile_duration_seconds_count/ {n = $2} /^turnout_reconcile_duration_seconds_sum/ {t = $2}
     /^turnout_api_requests_total/ && !/verb="(list|watch|discover)"/ {w += $2}
     END {if (n) printf "controller: %d reconciles, %.1f ms each on average, %d API writes and reads (lists and watches not counted)\n", n, 1000 * t / n, w}' "$WORK/metrics.txt"
