#!/usr/bin/env bash
# Check the Prometheus configuration and rules, and run the rules' unit tests, with promtool.
# Installs promtool (Debian package `prometheus`) when it is missing, without leaving the
# Prometheus server it brings running.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v promtool >/dev/null 2>&1; then
  echo "installing promtool (Debian package prometheus)"
  apt-get update -qq
  policy_added=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d  # keep the package's service stopped
    chmod +x /usr/sbin/policy-rc.d
    policy_added=yes
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  [[ -n "$policy_added" ]] && rm -f /usr/sbin/policy-rc.d
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl stop prometheus
  fi
fi

promtool check config --syntax-only prometheus.yml  # the token and target files live on the server
promtool check rules alloy-rules.yml
promtool test rules alloy-rules.test.yml
