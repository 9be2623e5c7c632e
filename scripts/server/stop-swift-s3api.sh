#!/usr/bin/env bash
# Stop the throwaway Swift of start-swift-s3api.sh (its recorded PIDs only) and wipe its state.
# Idempotent. --keep-logs keeps $SWIFT_RUN/log for a post-mortem.
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"
stop_recorded "${SWIFT_RUN:-/tmp/sigv4-debugger-swift}" "${1:-}" proxy object container account memcached
echo "swift/s3api stopped"
