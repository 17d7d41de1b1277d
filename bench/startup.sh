#!/usr/bin/env bash
# Measures the dev stack's time from command to ready banner: runs ./hashi-dev N times (default 3) on free
# ports with a fresh data folder each time, prints each time and the median, then stops the stack with SIGINT
# and reports how long the stop took. Build first (./mvnw -DskipTests install) so only start-up is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
times=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  export HASHI_DATA_DIR="$data" GATEWAY_PORT=$(free_port) CONTENT_SERVICE_PORT=$(free_port) \
    TRANSLATION_SERVICE_PORT=$(free_port) MEDIA_SERVICE_PORT=$(free_port) HASHI_MONGO_PORT=$(free_port) \
    HASHI_KAFKA_PORT=$(free_port) HASHI_KAFKA_CONTROLLER_PORT=$(free_port)
  log="$data/launcher.out"
  start=$(date +%s.%N)
  ./hashi-dev > "$log" 2>&1 &
  pid=$!
  until grep -q "Hashi is ready" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "launcher died:"; cat "$log"; exit 1; fi
    if awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN{exit !(n-s>180)}'; then echo "not ready after 180 s"; kill -INT "$pid"; exit 1; fi
    sleep 0.1
  done
  ready=$(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN{print n-s}')
  times+=("$ready")
  stop_start=$(date +%s.%N)
  kill -INT "$pid"; wait "$pid" || true
  stopped=$(awk -v s="$stop_start" -v n="$(date +%s.%N)" 'BEGIN{print n-s}')
  printf 'run %d: ready after %.1f s, stopped in %.1f s\n' "$i" "$ready" "$stopped"
  rm -rf "$data"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
printf 'median command-to-ready: %.1f s over %d run(s) on %s cores\n' "$median" "$runs" "$(nproc)"
