#!/usr/bin/env bash
# Media downloads through the gateway, as a reader gets them, against nginx (Debian) serving the very same file, in
# one run: the whole system is started with ./hashi-dev (embedded KRaft broker, MongoDB-wire server on its H2 file)
# with the full tiered JIT (HASHI_DEV_JIT=full, as production runs), on its own ports and data folder; an editor
# uploads one variant through the gateway, then the file is fetched whole with curl, alternately from nginx and
# from the gateway, and the medians are printed. The first fetch of each is a warm-up and not counted.
#
# Usage: bench/media-gateway.sh [fetches=5]      Environment: BENCH_MB (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
fetches=${1:-5}
size_mb=${BENCH_MB:-100}
work=$(mktemp -d /tmp/hashi-media-gateway.XXXXXX)
chmod 755 "$work" # nginx workers run as another user
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
export GATEWAY_PORT=$(port) CONTENT_SERVICE_PORT=$(port) TRANSLATION_SERVICE_PORT=$(port) MEDIA_SERVICE_PORT=$(port)
export HASHI_MONGO_PORT=$(port) HASHI_KAFKA_PORT=$(port) HASHI_KAFKA_CONTROLLER_PORT=$(port)
export HASHI_DATA_DIR="$work/data" HASHI_DEV_JIT=full
nginx_port=$(port)
gateway="http://127.0.0.1:$GATEWAY_PORT"

cleanup() {
  [ -n "${stack:-}" ] && kill -INT "$stack" 2> /dev/null && wait "$stack" 2> /dev/null || true
  [ -f "$work/nginx.pid" ] && nginx -c "$work/nginx.conf" -s stop 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r), $(java -version 2>&1 | head -1)"
head -c $((size_mb * 1024 * 1024)) /dev/urandom > "$work/slides.bin"
sha=$(sha256sum "$work/slides.bin" | cut -d' ' -f1)

cat > "$work/nginx.conf" << EOF
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 256; }
http { access_log off; sendfile on; server { listen 127.0.0.1:$nginx_port; root $work; } }
EOF
nginx -c "$work/nginx.conf"

./hashi-dev > "$work/stack.log" 2>&1 &
stack=$!
for _ in $(seq 1 600); do grep -q "Stop with Ctrl-C" "$work/stack.log" && break; sleep 0.5; done
grep -q "Stop with Ctrl-C" "$work/stack.log" || { echo "the dev stack did not start:" >&2; tail -20 "$work/stack.log" >&2; exit 1; }

token=$(curl -sf -X POST "$gateway/api/dev/tokens" -H 'Content-Type: application/json' \
  -d '{"subject":"editor-1","roles":["editor"]}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
asset=$(curl -sf -X POST "$gateway/api/media/assets" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"kind":"presentation","title":{"en":{"text":"Benchmark slides"}}}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["assetId"])')
upload=$(curl -s -o "$work/upload.json" -w '%{http_code} %{time_total}' -X PUT \
  "$gateway/api/media/assets/$asset/variants/en?fileName=slides.ppt" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/vnd.ms-powerpoint' --data-binary @"$work/slides.bin")
grep -q "$sha" "$work/upload.json" || { echo "upload failed: $upload $(cat "$work/upload.json")" >&2; exit 1; }
echo "upload ${size_mb} MB through the gateway: ${upload% *} in ${upload#* } s"

fetch() { curl -s -o "$work/fetched" -w '%{speed_download}' "$@"; }
nginx_speeds=() gateway_speeds=()
for i in $(seq 0 "$fetches"); do
  n=$(fetch "http://127.0.0.1:$nginx_port/slides.bin")
  [ "$(sha256sum "$work/fetched" | cut -d" " -f1)" = "$sha" ] || { echo "nginx download $i: bytes differ" >&2; exit 1; }
  g=$(fetch "$gateway/api/media/assets/$asset/content" -H "Authorization: Bearer $token")
  [ "$(sha256sum "$work/fetched" | cut -d' ' -f1)" = "$sha" ] || { echo "download $i: bytes differ" >&2; exit 1; }
  if [ "$i" -gt 0 ]; then nginx_speeds+=("$n"); gateway_speeds+=("$g"); fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
n=$(median "${nginx_speeds[@]}")
g=$(median "${gateway_speeds[@]}")
python3 - "$n" "$g" "$size_mb" "$fetches" << 'EOF'
import sys
n, g, mb, k = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
print(f"download {mb} MB whole, median of {k} after a warm-up: nginx {n/1e6:.0f} MB/s, "
      f"gateway {g/1e6:.0f} MB/s ({100*g/n:.0f} % of nginx)")
EOF
