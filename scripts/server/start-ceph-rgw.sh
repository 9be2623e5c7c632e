#!/usr/bin/env bash
# Throwaway single-node Ceph (1 mon + 1 memstore OSD, no mgr) + radosgw (beast) on 127.0.0.1 only.
# Idempotent: if the RGW already answers, it only prints the endpoint and credentials.
# Needs the Debian packages radosgw ceph-mon ceph-osd ceph-common (installed when missing; needs root and apt).
# State lives under $CEPH_RUN (default /tmp/sigv4-debugger-ceph); the OSD keeps data in RAM (memstore),
# so stop + start gives a fresh, empty cluster. PIDs are recorded in $CEPH_RUN/*.pid for stop-ceph-rgw.sh.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"
RUN="${CEPH_RUN:-/tmp/sigv4-debugger-ceph}"
RGW_PORT="${RGW_PORT:-7480}"
MON_PORT_V2="${MON_PORT_V2:-3300}"
MON_PORT_V1="${MON_PORT_V1:-6789}"
AK="${RGW_ACCESS_KEY:-AKIAREALSERVERTEST01}"
SK="${RGW_SECRET_KEY:-realserverSecretKey0123456789abcdefghijk}"
REGION=us-east-1 # RGW 16 does not check the scope region
CONF="$RUN/ceph.conf"

print_info() {
  cat >"$RUN/env" <<ENV
S3_ENDPOINT=http://127.0.0.1:$RGW_PORT
S3_ACCESS_KEY=$AK
S3_SECRET_KEY=$SK
S3_REGION=$REGION
S3_PEER=ceph-rgw
S3_LOG=$RUN/log/client.rgw.a.log
ENV
  echo "ceph/rgw: http://127.0.0.1:$RGW_PORT  access key $AK  region $REGION  (env: $RUN/env, logs: $RUN/log/)"
}
alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }
answers() { curl -s -m 2 -o /dev/null "http://127.0.0.1:$RGW_PORT/"; }

if alive rgw && answers; then
  echo "ceph/rgw already running"; print_info; exit 0
fi
if ! command -v radosgw >/dev/null || ! command -v ceph-mon >/dev/null || ! command -v ceph-osd >/dev/null || ! command -v ceph >/dev/null; then
  apt_install radosgw ceph-mon ceph-osd ceph-common
fi

T0=$(now_ms)
# A stale, half-started cluster of ours: stop it (recorded PIDs only) and wipe it.
"$HERE/stop-ceph-rgw.sh" >/dev/null 2>&1 || true
mkdir -p "$RUN"/{mon,osd,run,log}
FSID=$(cat /proc/sys/kernel/random/uuid)
fail() { echo "ceph/rgw: $1; see $RUN/log/" >&2; tail -20 "$RUN/log/$2" >&2 2>/dev/null || true; "$HERE/stop-ceph-rgw.sh" --keep-logs >/dev/null 2>&1 || true; exit 1; }

cat >"$CONF" <<CONF
[global]
fsid = $FSID
mon host = [v2:127.0.0.1:$MON_PORT_V2,v1:127.0.0.1:$MON_PORT_V1]
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
public network = 127.0.0.0/8
ms bind ipv4 = true
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
# radosgw runs as a daemon and defaults ms_mon_client_mode to 'secure', which auth=none cannot do
ms mon client mode = crc secure
run dir = $RUN/run
admin socket = $RUN/run/\$name.asok
log file = $RUN/log/\$name.log
pid file = $RUN/run/\$name.pid
mon data = $RUN/mon/\$name
osd data = $RUN/osd/\$name
osd objectstore = memstore
memstore device bytes = 1073741824
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
osd max object name len = 460
osd max object namespace len = 64
err to stderr = true
log to stderr = false
mon cluster log file = $RUN/log/cluster.log

[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw dns name = localhost
rgw thread pool size = 64
# debug 20 logs the server-side canonical request and string to sign of every request
debug rgw = ${RGW_DEBUG:-20}
# SSE-C over plain http (real S3 requires TLS for SSE-C; RGW enforces that by default)
rgw crypt require ssl = false
# SSE-KMS with static test keys (aws:kms + key id testkey-1)
rgw crypt s3 kms backend = testing
rgw crypt s3 kms encryption keys = testkey-1=YmluCmJvb3N0CmJvb3N0LWJ1aWxkCmNlcGguY29uZgo= testkey-2=aWIKTWFrZWZpbGUKbWFuCm91dApzcmMKVGVzdGluZwo=
CONF

CEPH=(timeout 20 ceph -c "$CONF" --connect-timeout 5)
monmaptool --create --clobber --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT_V2,v1:127.0.0.1:$MON_PORT_V1]" "$RUN/monmap" >/dev/null
timeout 60 ceph-mon -c "$CONF" -i a --mkfs --monmap "$RUN/monmap" >/dev/null
ceph-mon -c "$CONF" -i a -f >>"$RUN/log/mon.a.stdout" 2>&1 &
echo $! >"$RUN/mon.pid"
wait_for 30 "${CEPH[@]}" mon stat || fail "ceph-mon did not come up in 30 s" mon.a.log

OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
OSD_ID=$("${CEPH[@]}" osd new "$OSD_UUID")
mkdir -p "$RUN/osd/osd.$OSD_ID"
timeout 60 ceph-osd -c "$CONF" -i "$OSD_ID" --mkfs --osd-uuid "$OSD_UUID" >/dev/null 2>&1
ceph-osd -c "$CONF" -i "$OSD_ID" -f >>"$RUN/log/osd.$OSD_ID.stdout" 2>&1 &
echo $! >"$RUN/osd.pid"
osd_up() { "${CEPH[@]}" osd dump 2>/dev/null | grep -q "^osd.$OSD_ID up"; }
wait_for 60 osd_up || fail "ceph-osd did not come up in 60 s" "osd.$OSD_ID.log"

radosgw -c "$CONF" -n client.rgw.a -f >>"$RUN/log/rgw.stdout" 2>&1 &
echo $! >"$RUN/rgw.pid"
END=$(($(date +%s) + 90))
until answers; do
  alive rgw || fail "radosgw died" rgw.stdout
  [ "$(date +%s)" -lt "$END" ] || fail "radosgw did not answer in 90 s" client.rgw.a.log
  sleep 0.2
done

timeout 60 radosgw-admin -c "$CONF" -n client.admin user create --uid=sigv4-debugger --display-name="sigv4-debugger test user" \
  --access-key="$AK" --secret-key="$SK" >/dev/null 2>>"$RUN/log/radosgw-admin.err" ||
  timeout 60 radosgw-admin -c "$CONF" -n client.admin user info --uid=sigv4-debugger >/dev/null ||
  fail "radosgw-admin could not create the user" radosgw-admin.err

echo "ceph/rgw started in $(( ($(now_ms) - T0) )) ms"
print_info
