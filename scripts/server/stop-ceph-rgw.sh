#!/usr/bin/env bash
# Stop the throwaway Ceph + radosgw of start-ceph-rgw.sh (its recorded PIDs only) and wipe its state.
# Idempotent. --keep-logs keeps $CEPH_RUN/log for a post-mortem.
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"
stop_recorded "${CEPH_RUN:-/tmp/sigv4-debugger-ceph}" "${1:-}" rgw osd mon
echo "ceph/rgw stopped"
