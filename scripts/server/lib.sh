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

# stop_recorded RUN OPTION NAME...: stops the processes whose PIDs stand in RUN/NAME.pid, in that order
# (TERM, then KILL after 5 s), and wipes RUN, or all of it but RUN/log when OPTION is --keep-logs
# (a stop script passes its first argument, maybe empty). Idempotent.
stop_recorded() {
  local run=$1 keep=$2; shift 2
  local d f pid
  for d in "$@"; do
    f="$run/$d.pid"
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    fi
    rm -f "$f"
  done
  if [ "$keep" = --keep-logs ]; then
    find "$run" -mindepth 1 -maxdepth 1 ! -name log -exec rm -rf {} + 2>/dev/null
  else
    rm -rf "$run"
  fi
  return 0
}
