#!/usr/bin/env bash
# Shared helpers for the real-server start scripts (sourced, not run).

# apt-get install with a bounded run time; refreshes the package lists once when the first try fails.
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "missing Debian packages: $*  (install them as root: apt-get install -y --no-install-recommends $*)" >&2
    return 1
  fi
  echo "installing Debian packages: $* ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! timeout "${APT_TIMEOUT:-900}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
    timeout "${APT_TIMEOUT:-900}" apt-get update -qq >/dev/null
    timeout "${APT_TIMEOUT:-900}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

# wait_for SECONDS COMMAND...: runs COMMAND every 0.2 s until it succeeds or SECONDS pass.
wait_for() {
  local limit=$1; shift
  local end=$(( $(date +%s) + limit ))
  while [ "$(date +%s)" -lt "$end" ]; do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
