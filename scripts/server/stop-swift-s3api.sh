#!/usr/bin/env bash
# Stop the throwaway Swift of start-swift-s3api.sh (its recorded PIDs only) and wipe its state.
# Idempotent. --keep-logs keeps $SWIFT_RUN/log for a post-mortem.
RUN="${SWIFT_RUN:-/tmp/sigv4-debugger-swift}"
for d in proxy object container account memcached; do
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
echo "swift/s3api stopped"
