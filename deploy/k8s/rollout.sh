#!/usr/bin/env bash
# Release IMAGE: render the manifests with it, run the migration Job to completion, then roll out
# the API and the CronJob. A migration that fails or times out stops here, before any API pod
# changes, and prints the Job's log. Needs kubectl (with kustomize) and the Secret `alloy`.
# Usage: deploy/k8s/rollout.sh IMAGE [NAMESPACE]
set -euo pipefail
cd "$(dirname "$0")"

image="${1:?usage: rollout.sh IMAGE [NAMESPACE]}"
namespace="${2:-alloy}"
migration_timeout="${ALLOY_MIGRATION_TIMEOUT:-900s}"
rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT

kubectl kustomize . | sed -E "s#^( +(- )?image: )alloy(:[^ ]*)?\$#\\1${image}#" >"$rendered"
kubectl -n "$namespace" get secret alloy >/dev/null

kubectl -n "$namespace" apply -f "$rendered" -l app.kubernetes.io/component=config
kubectl -n "$namespace" delete job alloy-migrate --ignore-not-found --wait=true
kubectl -n "$namespace" apply -f "$rendered" -l app.kubernetes.io/component=migration
if ! kubectl -n "$namespace" wait --for=condition=complete job/alloy-migrate \
  --timeout="$migration_timeout"; then
  echo "migration did not complete; nothing else was changed" >&2
  kubectl -n "$namespace" logs job/alloy-migrate --tail=50 >&2 || true
  exit 1
fi

kubectl -n "$namespace" apply -f "$rendered"
kubectl -n "$namespace" rollout status deployment/alloy-api --timeout=10m
