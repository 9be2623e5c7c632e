#!/usr/bin/env bash
# Stop the throwaway Ceph + radosgw of start-ceph-rgw.sh (its recorded PIDs only) and wipe its state.
# Idempotent. --keep-logs keeps $CEPH_RUN/log for a post-mortem.
RUN="${CEPH_RUN:-/tmp/sigv4-debugger-ceph}"
for d in rgw osd mon; do
  f="$RUN/$d.pid"
  [ -f "$f" ] || continue
  PID="$(cat "$f")"
  if kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$PID" 2>/dev/null && kill -9 "$PID" 2>/dev/null
  fi
  rm -f "$f"
done
if [ "${1:-}" = --keep-logs ]; then
  find "$RUN" -mindepth 1 -maxdepth 1 ! -name log -exec rm -rf {} + 2>/dev/null
else
  rm -rf "$RUN"
fi
echo "ceph/rgw stopped"
