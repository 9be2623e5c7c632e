#!/usr/bin/env bash
# Throwaway single-replica OpenStack Swift (account/container/object servers + proxy with s3api,
# tempauth, keymaster+encryption) and memcached, all on 127.0.0.1 only. Idempotent.
# Needs the Debian packages swift-proxy swift-account swift-container swift-object memcached
# (installed when missing; needs root and apt). State under $SWIFT_RUN (default /tmp/sigv4-debugger-swift);
# PIDs are recorded in $SWIFT_RUN/*.pid for stop-swift-s3api.sh, which wipes it.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"
RUN="${SWIFT_RUN:-/tmp/sigv4-debugger-swift}"
PORT="${SWIFT_S3_PORT:-8085}"
MC_PORT="${SWIFT_MEMCACHED_PORT:-11219}" # tempauth needs memcache
AK="test:tester"                          # tempauth user test:tester is S3 access key "test:tester"
SK="testing"
REGION=us-east-1 # s3api "location": the scope region IS checked
PY=/usr/bin/python3

print_info() {
  cat >"$RUN/env" <<ENV
S3_ENDPOINT=http://127.0.0.1:$PORT
S3_ACCESS_KEY=$AK
S3_SECRET_KEY=$SK
S3_REGION=$REGION
S3_PEER=swift-s3api
ENV
  echo "swift/s3api: http://127.0.0.1:$PORT  access key $AK  region $REGION  (env: $RUN/env, logs: $RUN/log/)"
}
alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }
answers() { curl -s -f -m 2 -o /dev/null "http://127.0.0.1:$PORT/healthcheck"; }

if alive proxy && answers; then
  echo "swift/s3api already running"; print_info; exit 0
fi
if ! command -v swift-proxy-server >/dev/null || ! command -v swift-object-server >/dev/null ||
  ! command -v swift-account-server >/dev/null || ! command -v swift-container-server >/dev/null || ! command -v memcached >/dev/null; then
  apt_install swift-proxy swift-account swift-container swift-object memcached
fi

T0=$(now_ms)
"$HERE/stop-swift-s3api.sh" >/dev/null 2>&1 || true
ETC="$RUN/etc"
SRV="$RUN/srv"
mkdir -p "$ETC" "$SRV/d1" "$RUN/cache" "$RUN/log"
fail() { echo "swift/s3api: $1; see $RUN/log/" >&2; tail -20 "$RUN/log/$2" >&2 2>/dev/null || true; "$HERE/stop-swift-s3api.sh" --keep-logs >/dev/null 2>&1 || true; exit 1; }

cat >"$ETC/swift.conf" <<CONF
[swift-hash]
swift_hash_path_suffix = sigv4-debugger-throwaway
swift_hash_path_prefix = sigv4-debugger-throwaway
[storage-policy:0]
name = gold
default = yes
CONF

common() {
  cat <<CONF
[DEFAULT]
swift_dir = $ETC
devices = $SRV
mount_check = false
bind_ip = 127.0.0.1
bind_port = $1
workers = 0
user = root
log_name = $2
log_level = INFO
log_address = $RUN/log/nonexistent-syslog-socket
log_udp_host = 127.0.0.1
recon_cache_path = $RUN/cache
eventlet_debug = true
CONF
}
{ common 6212 account; printf '[pipeline:main]\npipeline = account-server\n[app:account-server]\nuse = egg:swift#account\n'; } >"$ETC/account-server.conf"
{ common 6211 container; printf '[pipeline:main]\npipeline = container-server\n[app:container-server]\nuse = egg:swift#container\n'; } >"$ETC/container-server.conf"
{ common 6210 object; printf '[pipeline:main]\npipeline = object-server\n[app:object-server]\nuse = egg:swift#object\n'; } >"$ETC/object-server.conf"

cat >"$ETC/proxy-server.conf" <<CONF
[DEFAULT]
swift_dir = $ETC
bind_ip = 127.0.0.1
bind_port = $PORT
workers = 0
user = root
log_name = proxy
log_level = INFO
log_address = $RUN/log/nonexistent-syslog-socket
log_udp_host = 127.0.0.1
eventlet_debug = true

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk s3api tempauth copy slo dlo keymaster encryption proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true

[filter:s3api]
use = egg:swift#s3api
location = $REGION
max_upload_part_num = 10000
allow_no_owner = false

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = $SK .admin
reseller_prefix = AUTH

[filter:keymaster]
use = egg:swift#keymaster
encryption_root_secret = cmVhbHNlcnZlci10aHJvd2F3YXktcm9vdC1zZWNyZXQtMDEyMzQ1Njc4OWFiY2RlZg==

[filter:encryption]
use = egg:swift#encryption

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MC_PORT

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
CONF

(
  cd "$ETC"
  for r in account:6212 container:6211 object:6210; do
    n=${r%%:*}
    p=${r##*:}
    timeout 60 swift-ring-builder "$n.builder" create 6 1 1 >/dev/null
    timeout 60 swift-ring-builder "$n.builder" add --region 1 --zone 1 --ip 127.0.0.1 --port "$p" --device d1 --weight 100 >/dev/null
    timeout 60 swift-ring-builder "$n.builder" rebalance >/dev/null 2>&1 || true
  done
)

memcached -l 127.0.0.1 -p "$MC_PORT" -U 0 -m 32 -u root >>"$RUN/log/memcached.log" 2>&1 &
echo $! >"$RUN/memcached.pid"
for s in account container object proxy; do
  $PY "/usr/bin/swift-$s-server" "$ETC/$s-server.conf" -v >>"$RUN/log/$s.log" 2>&1 &
  echo $! >"$RUN/$s.pid"
done
END=$(($(date +%s) + 60))
until answers; do
  alive proxy || fail "the proxy died" proxy.log
  [ "$(date +%s)" -lt "$END" ] || fail "the proxy did not answer in 60 s" proxy.log
  sleep 0.1
done
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in 6212 6211 6210 "$MC_PORT"; do
  wait_for 30 port_open "$p" || fail "port $p did not open in 30 s" proxy.log
done
echo "swift/s3api started in $(($(now_ms) - T0)) ms"
print_info
