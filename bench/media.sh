#!/usr/bin/env bash
# Media binaries (issue 11), in one run on this machine:
#   1. download throughput of a 100 MB variant from media-service against nginx (Debian) serving the very same file,
#      each fetched whole with curl several times (median MB/s);
#   2. a 1 GB upload, streamed, to a media-service started with -Xmx256m: success, the SHA-256 it answers against the
#      file's, and the service's peak heap while it ran (jstat -gc every 200 ms: S0U+S1U+EU+OU).
# Starts what it needs on non-default ports: the embedded infrastructure (real KRaft broker + MongoDB-wire server,
# in-memory, in its own JVM with a heap large enough to hold the stored bytes), media-service as production runs it
# (`java -jar`, HASHI_PROFILE=prod, requests signed as the gateway signs them: a streamed body has its length signed,
# not its digest), and nginx. The gateway is not in this run (see docs/media.md).
#
# Usage: bench/media.sh [downloads=5]
# Environment: MEDIA_JAVA (java for media-service), BENCH_KEEP_FILES=1 keeps the generated files in $work,
#   BENCH_DOWNLOAD_MB (default 100) and BENCH_UPLOAD_MB (default 1024) to size the two files.
set -euo pipefail
cd "${HASHI_ROOT:-$(dirname "$0")/..}"
root=$PWD
downloads=${1:-5}
MEDIA_PORT=18183 NGINX_PORT=18188 MONGO_PORT=37117 KAFKA_PORT=19192 KAFKA_CTL_PORT=19193
MEDIA_JAVA=${MEDIA_JAVA:-java}
DOWNLOAD_MB=${BENCH_DOWNLOAD_MB:-100}
UPLOAD_MB=${BENCH_UPLOAD_MB:-1024}

missing=()
for tool in nginx curl openssl jstat python3; do command -v "$tool" > /dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench/media.sh: missing ${missing[*]} (Debian: apt-get install -y nginx-light curl openssl python3)" >&2
  exit 2
fi
for port in $MEDIA_PORT $NGINX_PORT $MONGO_PORT $KAFKA_PORT $KAFKA_CTL_PORT; do
  if (exec 3<> /dev/tcp/127.0.0.1/$port) 2> /dev/null; then echo "bench/media.sh: port $port is in use" >&2; exit 3; fi
done
if [ ! -s media-service/target/media-service.jar ] || [ ! -d embedded-infra/target/classes ]; then
  echo "bench/media.sh: building (./mvnw -q -B -pl media-service,embedded-infra -am package -DskipTests)…"
  ./mvnw -q -B -pl media-service,embedded-infra -am package -DskipTests
fi

work=$(mktemp -d /tmp/hashi-media-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2> /dev/null || true
  [ "${BENCH_KEEP_FILES:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

await() { # url name log
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "bench/media.sh: $2 did not become ready; its log:" >&2; tail -40 "$3" >&2; exit 1
}

# --- infrastructure ------------------------------------------------------------------------------------------------
./mvnw -q -B -o -pl embedded-infra dependency:build-classpath -Dmdep.outputFile="$work/infra.cp" > /dev/null
cat > "$work/Infra.java" << 'EOF'
import java.nio.file.Path;
import dev.hashi.embedded.EmbeddedKafka;
import dev.hashi.embedded.EmbeddedMongo;

public class Infra {
    public static void main(String[] args) throws Exception {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory(Integer.parseInt(args[0]));
        EmbeddedKafka kafka = new EmbeddedKafka(Path.of(args[3]), Integer.parseInt(args[1]), Integer.parseInt(args[2]))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { kafka.close(); mongo.close(); }));
        System.out.println("infra ready " + mongo.connectionString() + " " + kafka.bootstrapServers());
        Thread.currentThread().join();
    }
}
EOF
mkdir -p "$work/infra"
java -Xmx6g -cp "$root/embedded-infra/target/classes:$(cat "$work/infra.cp")" "$work/Infra.java" \
  $MONGO_PORT $KAFKA_PORT $KAFKA_CTL_PORT "$work/infra" > "$work/infra.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q "infra ready" "$work/infra.log" && break; sleep 0.5; done
grep -q "infra ready" "$work/infra.log" || { echo "infra did not start:" >&2; tail -30 "$work/infra.log" >&2; exit 1; }

secret=$(openssl rand -base64 36 | tr -d '\n')
start_media() { # heap log -> pid in media_pid
  env SERVER_PORT=$MEDIA_PORT SERVER_ADDRESS=127.0.0.1 HASHI_PROFILE=prod HASHI_GATEWAY_SECRET="$secret" \
    MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT" MONGODB_DATABASE=hashi_media KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
    MEDIA_UPLOAD_MAX_SIZE=2GB \
    "$MEDIA_JAVA" $1 -jar media-service/target/media-service.jar > "$2" 2>&1 &
  media_pid=$!
  pids+=($media_pid)
  await "http://127.0.0.1:$MEDIA_PORT/actuator/health/readiness" media-service "$2"
}

# --- signed calls, as the gateway signs them: JSON bodies with their digest, streamed bodies with their length only -
signed_headers() { # method path request-id digest-or-dash content-type length
  local now nonce raw_path=${2%%\?*} raw_query="" sig
  [ "$raw_path" != "$2" ] && raw_query=${2#*\?}
  now=$(date +%s)
  nonce=$(openssl rand -base64 16 | tr '+/' '-_' | tr -d '=\n')
  sig=$(printf '%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s' hashi-identity-2 bench-editor editor "" "$now" \
      "$nonce" "$4" "$1" "$raw_path" "$raw_query" "$5" "$6" "$3" \
    | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')
  printf '%s\n' "X-Request-Id: $3" "X-Hashi-Subject: bench-editor" "X-Hashi-Roles: editor" "X-Hashi-Identity-Time: $now" \
    "X-Hashi-Identity-Nonce: $nonce" "X-Hashi-Identity-Signature: $sig"
  [ "$4" = "-" ] || printf '%s\n' "X-Hashi-Body-Digest: $4"
}
curl_signed() { # method path digest content-type length -- curl args...
  local method=$1 path=$2 digest=$3 ctype=$4 len=$5 id="bench-$RANDOM$RANDOM" args=()
  shift 5
  while IFS= read -r h; do args+=(-H "$h"); done < <(signed_headers "$method" "$path" "$id" "$digest" "$ctype" "$len")
  curl -sS -X "$method" "${args[@]}" "$@" "http://127.0.0.1:$MEDIA_PORT$path"
}
create_asset() { # title -> asset id
  local body="{\"kind\":\"presentation\",\"title\":{\"en\":{\"text\":\"$1\"}}}" digest
  digest="sha-256=:$(printf '%s' "$body" | openssl dgst -sha256 -binary | openssl base64 -A):"
  curl_signed POST /api/media/assets "$digest" application/json "${#body}" -H 'Content-Type: application/json' \
    --data-binary "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["assetId"])'
}
upload() { # asset-id file -> response body
  local size
  size=$(stat -c %s "$2")
  curl_signed PUT "/api/media/assets/$1/variants/en?fileName=$(basename "$2")" - application/pdf "$size" \
    -H 'Content-Type: application/pdf' -H 'Expect:' -T "$2" -w '\n%{http_code} %{time_total}s\n'
}
make_file() { # path megabytes
  { printf '%%PDF-1.4\n'; head -c $(($2 * 1024 * 1024 - 9)) /dev/urandom; } > "$1"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -r), $("$MEDIA_JAVA" -version 2>&1 | head -1)"

# --- 1. download throughput: media-service vs nginx, same 100 MB file ------------------------------------------------
start_media "" "$work/media.log"
mkdir -p "$work/nginx/html" "$work/nginx/logs" "$work/nginx/tmp"
make_file "$work/nginx/html/slides-100mb.pdf" "$DOWNLOAD_MB"
asset=$(create_asset "Bench download")
echo "upload $DOWNLOAD_MB MB: $(upload "$asset" "$work/nginx/html/slides-100mb.pdf" | tail -1)"
expected=$(sha256sum "$work/nginx/html/slides-100mb.pdf" | cut -d' ' -f1)
cat > "$work/nginx/nginx.conf" << EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $work/nginx/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $work/nginx/html; }
}
EOF
chmod -R a+rX "$work/nginx"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log"
await "http://127.0.0.1:$NGINX_PORT/slides-100mb.pdf" nginx "$work/nginx/logs/error.log"
got=$(curl_signed GET "/api/media/assets/$asset/content" - "" 0 -o - | sha256sum | cut -d' ' -f1)
[ "$got" = "$expected" ] || { echo "bench/media.sh: downloaded bytes differ ($got != $expected)" >&2; exit 1; }
: > "$work/media.speeds"; : > "$work/nginx.speeds"
for _ in $(seq 1 "$downloads"); do # alternating, so both see the same machine load
  curl -sS -o /dev/null -w '%{speed_download}\n' "http://127.0.0.1:$NGINX_PORT/slides-100mb.pdf" >> "$work/nginx.speeds"
  curl_signed GET "/api/media/assets/$asset/content" - "" 0 -o /dev/null -w '%{speed_download}\n' >> "$work/media.speeds"
done
nginx_mbs=$(median < "$work/nginx.speeds" | awk '{ printf "%.0f", $1 / 1048576 }')
media_mbs=$(median < "$work/media.speeds" | awk '{ printf "%.0f", $1 / 1048576 }')
echo "download $DOWNLOAD_MB MB whole, median of $downloads: nginx $nginx_mbs MB/s, media-service $media_mbs MB/s ($(awk -v m="$media_mbs" -v n="$nginx_mbs" 'BEGIN { printf "%.0f", 100 * m / n }') % of nginx)"
half=$((DOWNLOAD_MB * 524288))
range_ok=$(curl_signed GET "/api/media/assets/$asset/content" - "" 0 -H "Range: bytes=$half-" -o /dev/null -w '%{http_code} %{size_download}')
echo "resume from the middle (bytes=$half-): $range_ok"
kill "$media_pid"; wait "$media_pid" 2> /dev/null || true
rm -f "$work/nginx/html/slides-100mb.pdf"

# --- 2. a 1 GB upload to media-service with -Xmx256m ---------------------------------------------------------------
start_media "-Xmx256m" "$work/media-256.log"
make_file "$work/big-1gb.pdf" "$UPLOAD_MB"
big_expected=$(sha256sum "$work/big-1gb.pdf" | cut -d' ' -f1)
big=$(create_asset "Bench 1 GB")
jstat -gc "$media_pid" 200 > "$work/jstat.log" &
jstat_pid=$!
pids+=($jstat_pid)
reply=$(upload "$big" "$work/big-1gb.pdf")
kill "$jstat_pid" 2> /dev/null || true
status=$(printf '%s\n' "$reply" | tail -1)
stored_sha=$(printf '%s\n' "$reply" | head -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["variants"][0]["sha256"])' 2> /dev/null || echo "?")
peak=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$work/jstat.log")
echo "upload $UPLOAD_MB MB to -Xmx256m: HTTP $status, sha256 $([ "$stored_sha" = "$big_expected" ] && echo matches || echo "DIFFERS ($stored_sha)"), peak heap used ${peak} MB"
jcmd "$media_pid" GC.heap_info 2> /dev/null | sed -n '1,3p' | sed 's/^/  after: /'
