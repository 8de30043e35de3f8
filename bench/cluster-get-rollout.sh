#!/usr/bin/env bash
# How fast `turnout get rollout` answers on a cluster, beside kubectl reading the same Rollout, on the real
# API server of scripts/kube-testenv (started here when none runs). kubectl-argo-rollouts, the peer the issue
# names (it takes seconds: argo-rollouts#2078), cannot be installed on these machines (no Go module
# downloads); when `kubectl argo rollouts` is on PATH it is measured too.
#
#   bench/cluster-get-rollout.sh                        # builds turnout (release) first
#   TURNOUT_BIN=.build/debug/turnout bench/cluster-get-rollout.sh
#   RUNS=50 bench/cluster-get-rollout.sh
#
# The rollout is book listing 5.9 (blue-green, 3 replicas) in a fresh namespace, reconciled by
# `turnout controller` until Healthy; hyperfine runs each command RUNS times after 3 warm-ups and the script
# prints the mean of each and the ratio kubectl/turnout.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${RUNS:-30}

source bench/support.sh
bench_need hyperfine jq
bench_turnout_binary
bench_workdir cluster-get-rollout

if ! scripts/kube-testenv status >/dev/null 2>&1; then
    export TURNOUT_KUBE_DIR="$WORK/kube"
    scripts/kube-testenv up >&2
    STARTED_TESTENV=1
fi
eval "$(scripts/kube-testenv env)"
stop_all() {
    bench_cleanup_namespace
    [ "${STARTED_TESTENV:-0}" = 1 ] && scripts/kube-testenv down >&2 || true
    bench_cleanup
}
NAMESPACE="bench-get-$$"
bench_cleanup_namespace() { kubectl delete namespace "$NAMESPACE" --wait=false >/dev/null 2>&1 || true; }
trap stop_all EXIT

kubectl apply --server-side --force-conflicts -f Tests/Fixtures/crds/argoproj.io >/dev/null
bench_crds_established rollouts.argoproj.io analysisruns.argoproj.io analysistemplates.argoproj.io clusteranalysistemplates.argoproj.io
kubectl create namespace "$NAMESPACE" >/dev/null
"$TURNOUT_BIN" controller -n "$NAMESPACE" --api-group argoproj.io --health-address 127.0.0.1:0 --identity bench \
    >"$WORK/controller.out" 2>"$WORK/controller.log" &
PIDS+=($!)
CLI=("$TURNOUT_BIN" --kubeconfig "$KUBECONFIG" -n "$NAMESPACE" --api-group argoproj.io)
"$TURNOUT_BIN" apply -f Tests/Fixtures/seeds/bluegreen_rollout.yaml --kubeconfig "$KUBECONFIG" -n "$NAMESPACE" --api-group argoproj.io >/dev/null
echo "waiting for the rollout to become Healthy ..." >&2
for _ in $(seq 1 120); do
    phase=$("$TURNOUT_BIN" get rollout demo -o json --kubeconfig "$KUBECONFIG" -n "$NAMESPACE" --api-group argoproj.io 2>/dev/null | jq -r '.rollout.status.phase // empty' || true)
    [ "$phase" = Healthy ] && break
    sleep 1
done
[ "$phase" = Healthy ] || { echo "the rollout did not become Healthy; controller log:" >&2; tail -20 "$WORK/controller.log" >&2; exit 1; }

commands=(
    "$TURNOUT_BIN get rollout demo --kubeconfig $KUBECONFIG -n $NAMESPACE --api-group argoproj.io"
    "kubectl get rollouts.argoproj.io demo -n $NAMESPACE -o yaml"
    "kubectl get rollouts.argoproj.io,replicasets,pods,services -n $NAMESPACE"
)
names=("turnout get rollout" "kubectl get rollout -o yaml" "kubectl get rollout,rs,pods,svc")
if kubectl argo rollouts version >/dev/null 2>&1; then
    commands+=("kubectl argo rollouts get rollout demo -n $NAMESPACE")
    names+=("kubectl argo rollouts get rollout")
fi
args=()
for index in "${!commands[@]}"; do args+=(--command-name "${names[$index]}" "${commands[$index]}"); done
hyperfine --warmup 3 --runs "$RUNS" --export-json "$WORK/result.json" "${args[@]}" >&2

echo
printf '%-36s %10s %10s\n' command "mean ms" "stddev ms"
jq -r '.results[] | [.command, (.mean * 1000 | floor), (.stddev * 1000 | floor)] | @tsv' "$WORK/result.json" |
    while IFS=$'\t' read -r name mean stddev; do printf '%-36s %10s %10s\n' "$name" "$mean" "$stddev"; done
turnout_mean=$(jq '.results[0].mean' "$WORK/result.json")
jq -r --argjson base "$turnout_mean" '.results[1:][] | "ratio \(.command) / turnout get rollout: \((.mean / $base * 100 | floor) / 100)"' "$WORK/result.json"
