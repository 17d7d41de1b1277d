#!/usr/bin/env bash
# Gateway throughput, side by side in one run (issue 9). Starts everything it needs on non-default ports:
#   - the embedded infrastructure (real KRaft broker + MongoDB-wire server, the classes the dev launcher uses),
#   - content-service and the gateway as production would run them: `java -jar`, full JIT, HASHI_PROFILE=prod,
#     the gateway with the anonymous rate limit raised out of the way (the only non-default setting),
#   - nginx (Debian) serving the very same response bodies as static files,
# creates a published event page, warms every target up, then runs `wrk -t2 -c32 -d<seconds>s --latency` against:
# nginx, content-service directly, the same through the gateway, and the gateway's own 404 and 401. It prints req/s,
# p50, p99, the ratios, how many TCP connections each case opened, the CPU seconds of each JVM during the case, and
# writes the table to bench/results/. Builds the jars (package, never install) when they are missing.
#
# Usage: bench/gateway.sh [seconds=20]
# Environment:
#   GATEWAY_JAVA / CONTENT_JAVA   java executable for each service (default: java on the PATH)
#   CONTENT_VIRTUAL_THREADS       true runs content-service with HASHI_VIRTUAL_THREADS=true (needs Java 21+)
#   GATEWAY_JAVA_OPTS / CONTENT_JAVA_OPTS   extra JVM flags (e.g. -XX:TieredStopAtLevel=1 to see the dev launcher's JIT)
#   BENCH_LABEL                   suffix of the results file name
#   BENCH_PROFILE=1               records a JFR profile (settings=profile) of the JVM answering each case, with a
#                                 summary of its top frames next to it, in BENCH_PROFILE_DIR (/tmp/hashi-gateway-profiles)
#   BENCH_CASES                   space-separated subset of: nginx delivery-direct delivery-gateway info-direct
#                                 info-gateway 404-gateway 401-gateway (default: all)
#   BASELINE_GATEWAY_JAR          a second gateway jar (e.g. built from an older commit) started next to the first on
#                                 port 18090; its gateway cases run in the same run as *-baseline, for a side-by-side
#                                 comparison under the same machine load (each right after its -gateway case)
#   BASELINE_CONTENT_JAVA         a second content-service (same jar, same database) started on port 18091 with this
#                                 java and BASELINE_CONTENT_VIRTUAL_THREADS (default false); its direct cases run as
#                                 *-direct-baseline right after the matching *-direct case
#   BENCH_HOLD=1                  starts and checks everything, prints the cases' URLs and the JVMs' pids, and keeps it
#                                 all running (no measurement) until the script is stopped: for profiling by hand
#   BENCH_PORT_OFFSET             added to every port below (default 0)
#   BASELINE_JAVA                 java executable for that second gateway (default: GATEWAY_JAVA), e.g. to compare
#                                 runtimes with the same jar
# Direct requests to content-service go unsigned: a forwarded identity is good for one request only (a nonce the
# service remembers), which wrk cannot renew per request. So content-service runs with HASHI_PROFILE=dev, where an
# unsigned call is an anonymous reader; signed calls (the gateway's) are verified exactly as in prod. The direct side
# skips the signature check the gateway side pays for, so the gateway/direct ratios are on the conservative side. It installs no tools; it says which are missing. HASHI_ROOT runs it against another checkout (or lets a
# copy of this script run while the file is edited).
set -euo pipefail
cd "${HASHI_ROOT:-$(dirname "$0")/..}"
root=$PWD
seconds=${1:-20}

# Ports: chosen away from the dev stack defaults so a running ./hashi-dev is not disturbed.
o=${BENCH_PORT_OFFSET:-0} # shifts every port, e.g. when a dev stack of someone else already uses 18080-18083
GW_PORT=$((18080 + o)) BASE_PORT=$((18090 + o)) CS_PORT=$((18081 + o)) BASE_CS_PORT=$((18091 + o)) NGINX_PORT=$((18088 + o))
MONGO_PORT=$((37017 + o)) KAFKA_PORT=$((19092 + o)) KAFKA_CTL_PORT=$((19093 + o))
GATEWAY_JAVA=${GATEWAY_JAVA:-java}
CONTENT_JAVA=${CONTENT_JAVA:-java}
cases=${BENCH_CASES:-nginx delivery-direct delivery-gateway info-direct info-gateway 404-gateway 401-gateway}
baseline_jar=${BASELINE_GATEWAY_JAR:-}
if [ -n "$baseline_jar" ]; then
  [ -s "$baseline_jar" ] || { echo "bench/gateway.sh: BASELINE_GATEWAY_JAR=$baseline_jar is not a file" >&2; exit 2; }
  baseline_jar=$(cd "$(dirname "$baseline_jar")" && pwd)/$(basename "$baseline_jar")
  interleaved=""
  for c in $cases; do
    interleaved+=" $c"
    case $c in *-gateway) interleaved+=" ${c%-gateway}-baseline" ;; esac
  done
  cases=$interleaved
fi
if [ -n "${BASELINE_CONTENT_JAVA:-}" ]; then
  interleaved=""
  for c in $cases; do
    interleaved+=" $c"
    case $c in *-direct) interleaved+=" $c-baseline" ;; esac
  done
  cases=$interleaved
fi

missing=()
for tool in wrk nginx curl openssl nstat jar python3; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench/gateway.sh: missing ${missing[*]}." >&2
  echo "  Debian: apt-get install -y wrk nginx-light curl openssl iproute2 python3 (jar comes with the JDK)" >&2
  exit 2
fi
for port in $GW_PORT $BASE_PORT $CS_PORT $BASE_CS_PORT $NGINX_PORT $MONGO_PORT $KAFKA_PORT $KAFKA_CTL_PORT; do
  if (exec 3<> /dev/tcp/127.0.0.1/$port) 2> /dev/null; then
    echo "bench/gateway.sh: port $port is in use; stop what uses it first" >&2
    exit 3
  fi
done
for module in gateway content-service devstack; do
  if [ ! -s "$module/target/$module.jar" ]; then
    echo "bench/gateway.sh: building jars (./mvnw -q -B -pl gateway,content-service,devstack -am package -DskipTests)…"
    ./mvnw -q -B -pl gateway,content-service,devstack -am package -DskipTests
    break
  fi
done

work=$(mktemp -d /tmp/hashi-gateway-bench.XXXXXX)
chmod 755 "$work" # nginx workers (www-data) read the bodies from here
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

await() { # url name log
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "bench/gateway.sh: $2 did not become ready; its log:" >&2
  tail -40 "$3" >&2
  exit 1
}

# --- infrastructure: the dev launcher's embedded broker and MongoDB-wire server, in their own JVM -------------
mkdir -p "$work/lib" "$work/infra"
(cd "$work/lib" && jar xf "$root/devstack/target/devstack.jar" BOOT-INF/lib)
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
java -Xmx512m -cp "$work/lib/BOOT-INF/lib/*" "$work/Infra.java" $MONGO_PORT $KAFKA_PORT $KAFKA_CTL_PORT "$work/infra" \
  > "$work/infra.log" 2>&1 &
infra_pid=$!
pids+=($infra_pid)
for _ in $(seq 1 480); do grep -q "infra ready" "$work/infra.log" && break; sleep 0.5; done # up to 4 min on a loaded machine
grep -q "infra ready" "$work/infra.log" || { echo "infra did not start:" >&2; tail -30 "$work/infra.log" >&2; exit 1; }

# --- services, production settings -----------------------------------------------------------------------------
secret=$(openssl rand -base64 36 | tr -d '\n')
profile_opts=""
[ "${BENCH_PROFILE:-0}" = 1 ] && profile_opts="-XX:FlightRecorderOptions:stackdepth=512"
vt=${CONTENT_VIRTUAL_THREADS:-false}
start_content() { # port java virtual-threads log
  env SERVER_PORT=$1 SERVER_ADDRESS=127.0.0.1 HASHI_PROFILE=dev HASHI_GATEWAY_SECRET="$secret" \
    HASHI_VIRTUAL_THREADS="$3" MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT" MONGODB_DATABASE=hashi_content \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
    "$2" $profile_opts ${CONTENT_JAVA_OPTS:-} -jar content-service/target/content-service.jar > "$4" 2>&1 &
}
start_content $CS_PORT "$CONTENT_JAVA" "$vt" "$work/content.log"
content_pid=$!
pids+=($content_pid)
baseline_content_pid=""
start_gateway() { # port jar log
  env SERVER_PORT=$1 SERVER_ADDRESS=127.0.0.1 HASHI_PROFILE=prod HASHI_GATEWAY_SECRET="$secret" GATEWAY_TOKEN_SIGNING_KEY="$secret-token-records" \
    RATE_LIMIT_ANONYMOUS_BURST=100000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=100000000 \
    CONTENT_SERVICE_URI=http://127.0.0.1:$CS_PORT TRANSLATION_SERVICE_URI=http://127.0.0.1:$((18082 + o)) \
    MEDIA_SERVICE_URI=http://127.0.0.1:$((18083 + o)) KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
    "$4" $profile_opts ${GATEWAY_JAVA_OPTS:-} -jar "$2" > "$3" 2>&1 &
}
start_gateway $GW_PORT gateway/target/gateway.jar "$work/gateway.log" "$GATEWAY_JAVA"
gateway_pid=$!
pids+=($gateway_pid)
baseline_pid=""
if [ -n "$baseline_jar" ]; then
  start_gateway $BASE_PORT "$baseline_jar" "$work/baseline.log" "${BASELINE_JAVA:-$GATEWAY_JAVA}"
  baseline_pid=$!
  pids+=($baseline_pid)
fi
await "http://127.0.0.1:$CS_PORT/actuator/health/readiness" content-service "$work/content.log"
if [ -n "${BASELINE_CONTENT_JAVA:-}" ]; then
  # Only once the first is up: two content-services installing the seed types at the same moment make one of them
  # fail its start-up with a concurrent-change conflict.
  start_content $BASE_CS_PORT "$BASELINE_CONTENT_JAVA" "${BASELINE_CONTENT_VIRTUAL_THREADS:-false}" "$work/content-baseline.log"
  baseline_content_pid=$!
  pids+=($baseline_content_pid)
fi
[ -z "$baseline_content_pid" ] \
  || await "http://127.0.0.1:$BASE_CS_PORT/actuator/health/readiness" content-baseline "$work/content-baseline.log"
await "http://127.0.0.1:$GW_PORT/actuator/health/readiness" gateway "$work/gateway.log"
[ -z "$baseline_pid" ] || await "http://127.0.0.1:$BASE_PORT/actuator/health/readiness" baseline "$work/baseline.log"

# --- identity headers signed for one request, as the gateway signs them (HMAC-SHA256 over: format version, subject,
#     roles, pairs, time, nonce, body digest, method, raw path, raw query, content type, body length, request id) --
signed_headers() { # subject roles method path request-id [body] [content-type] -> curl -H arguments, one per line
  local now nonce body=${6:-} ctype=${7:-} len digest raw_path=${4%%\?*} raw_query="" sig
  [ "$raw_path" != "$4" ] && raw_query=${4#*\?}
  now=$(date +%s)
  nonce=$(openssl rand -base64 16 | tr '+/' '-_' | tr -d '=\n')
  len=$(printf '%s' "$body" | wc -c | tr -d ' ')
  digest="sha-256=:$(printf '%s' "$body" | openssl dgst -sha256 -binary | openssl base64 -A):"
  sig=$(printf '%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s' hashi-identity-2 "$1" "$2" "" "$now" "$nonce" \
      "$digest" "$3" "$raw_path" "$raw_query" "$ctype" "$len" "$5" \
    | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')
  printf '%s\n' "X-Request-Id: $5" "X-Hashi-Subject: $1" "X-Hashi-Roles: $2" "X-Hashi-Identity-Time: $now" \
    "X-Hashi-Identity-Nonce: $nonce" "X-Hashi-Body-Digest: $digest" "X-Hashi-Identity-Signature: $sig"
}
editor_call() { # method path [json] [if-match] -> response headers+body on stdout
  local method=$1 path=$2 body=${3:-} etag=${4:-} id="bench-$RANDOM$RANDOM" args=()
  local ctype=""
  [ -n "$body" ] && ctype=application/json
  while IFS= read -r h; do args+=(-H "$h"); done \
    < <(signed_headers bench-editor editor "$method" "$path" "$id" "$body" "$ctype")
  [ -n "$etag" ] && args+=(-H "If-Match: $etag")
  [ -n "$body" ] && args+=(-H "Content-Type: $ctype" --data-binary "$body")
  curl -sS -i -X "$method" "${args[@]}" "http://127.0.0.1:$CS_PORT$path"
}

# --- content: one published event page (about 1.1 KB delivered) --------------------------------------------------
created=$(editor_call POST /api/content/entries '{"type":"event-page","locale":"en","slug":"wpc-2003","fields":{
  "title":"World Partnership Conference on Sustainable Development: Local Governments & Community-based activities and partnerships (Japan National Seminar)",
  "summary":"At the 2002 World Summit on Sustainable Development, participants from all sectors of society committed themselves to concrete actions. A declaration (English, Japanese) was adopted at the Conference (to be made available).",
  "date":"2003-10-28","venue":"Kitakyushu International Conference Centre (Kitakyushu, Japan)","attendance":320}}')
entry=$(printf '%s' "$created" | sed -n 's/.*"entryId":"\([^"]*\)".*/\1/p' | head -1)
etag=$(printf '%s' "$created" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p' | head -1)
if [ -z "$entry" ] || [ -z "$etag" ]; then
  echo "bench/gateway.sh: creating the entry failed:" >&2
  printf '%s\n' "$created" >&2
  exit 1
fi
published=$(editor_call POST "/api/content/entries/$entry/locales/en/publish" "" "$etag")
printf '%s' "$published" | head -1 | grep -q " 200" || {
  echo "bench/gateway.sh: publishing failed:" >&2
  printf '%s\n' "$published" >&2
  exit 1
}
delivery=/api/delivery/entries/event-page/wpc-2003
info=/api/content/info

# --- nginx serving the same bodies -------------------------------------------------------------------------------
mkdir -p "$work/nginx/html/api/delivery/entries/event-page" "$work/nginx/html/api/content" "$work/nginx/logs"
curl -fsS "http://127.0.0.1:$GW_PORT$delivery?locale=en" > "$work/nginx/html$delivery"
curl -fsS "http://127.0.0.1:$GW_PORT$info" > "$work/nginx/html$info"
cat > "$work/nginx/nginx.conf" << EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $work/nginx/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $work/nginx/html; keepalive_requests 1000000; }
}
EOF
chmod -R a+rX "$work/nginx"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log"
await "http://127.0.0.1:$NGINX_PORT$delivery" nginx "$work/nginx/logs/error.log"

# --- cases ---------------------------------------------------------------------------------------------------------
declare -A url method headers
url[nginx]="http://127.0.0.1:$NGINX_PORT$delivery?locale=en"
url[delivery-direct]="http://127.0.0.1:$CS_PORT$delivery?locale=en"
url[delivery-gateway]="http://127.0.0.1:$GW_PORT$delivery?locale=en"
url[info-direct]="http://127.0.0.1:$CS_PORT$info"
url[delivery-direct-baseline]=${url[delivery-direct]/:$CS_PORT/:$BASE_CS_PORT}
url[info-direct-baseline]=${url[info-direct]/:$CS_PORT/:$BASE_CS_PORT}
url[info-gateway]="http://127.0.0.1:$GW_PORT$info"
url[404-gateway]="http://127.0.0.1:$GW_PORT/api/nothing-here"
url[401-gateway]="http://127.0.0.1:$GW_PORT/api/content/entries/e-1" # DELETE without a token or a body
for c in delivery info 404 401; do url[$c-baseline]=${url[$c-gateway]/:$GW_PORT/:$BASE_PORT}; done
wrk_args() { # case -> extra wrk arguments (direct cases go unsigned: see the header)
  case $1 in
    401-*) printf '%s\n' -s "$work/delete.lua" ;;
  esac
}
printf 'wrk.method = "DELETE"\n' > "$work/delete.lua"
run_wrk() { # case seconds connections -> wrk output
  local args=()
  while IFS= read -r a; do [ -n "$a" ] && args+=("$a"); done < <(wrk_args "$1")
  wrk -t2 -c"$3" -d"$2"s --latency --timeout 10s "${args[@]}" "${url[$1]}"
}
check() { # every case answers what it should before it is measured
  local expect=$1 name=$2 args=() code
  while IFS= read -r a; do [ -n "$a" ] && args+=("$a"); done < <(wrk_args "$name" | grep -v '^-s$\|delete.lua')
  case $name in 401-*) args+=(-X DELETE) ;; esac
  code=$(curl -s -o /dev/null -w '%{http_code}' "${args[@]}" "${url[$name]}")
  [ "$code" = "$expect" ] || { echo "bench/gateway.sh: $name answered $code, expected $expect" >&2; exit 1; }
}
check 200 nginx; check 200 delivery-direct; check 200 delivery-gateway; check 200 info-direct; check 200 info-gateway
check 404 404-gateway; check 401 401-gateway
[ -z "$baseline_content_pid" ] || { check 200 delivery-direct-baseline; check 200 info-direct-baseline; }
if [ -n "$baseline_pid" ]; then
  check 200 delivery-baseline; check 200 info-baseline; check 404 404-baseline; check 401 401-baseline
fi
size=$(wc -c < "$work/nginx/html$delivery")
if [ "${BENCH_HOLD:-0}" = 1 ]; then # everything stays up for measuring by hand until this script is stopped
  for c in $cases; do echo "$c ${url[$c]}"; done
  echo "pids: gateway $gateway_pid content-service $content_pid infra $infra_pid${baseline_pid:+ baseline $baseline_pid}"
  echo "holding; stop with Ctrl-C or kill $$"
  while :; do sleep 3600 & wait $!; done # wait returns at once when a signal arrives, so cleanup runs
fi

echo "warming up each JVM case until its rate stops rising (bench/lib/warmup.sh)…"
. "$root/bench/lib/warmup.sh"
WARMUP_LOG=$work/warmup.log
: > "$WARMUP_LOG"
for c in $cases; do [ "$c" = nginx ] || warm_until_steady "$c"; done
cat "$WARMUP_LOG"

mkdir -p bench/results
profile_dir=${BENCH_PROFILE_DIR:-/tmp/hashi-gateway-profiles}
[ "${BENCH_PROFILE:-0}" = 1 ] && mkdir -p "$profile_dir"
top_frames() { # JFR file -> where the samples are: top self frames, and the share of samples passing through a frame
  jfr print --stack-depth 512 --events jdk.ExecutionSample "$1" | python3 -c '
import re, sys, collections
stacks, cur = [], None
for line in sys.stdin:
    line = line.strip()
    if line.startswith("stackTrace = ["): cur = []
    elif cur is not None and line.startswith("]"): stacks.append(cur); cur = None
    elif cur is not None and line and not line.startswith("..."):
        cur.append(re.sub(r"\s+line:.*", "", line))
n = len(stacks) or 1
self_ = collections.Counter(s[0] for s in stacks if s)
incl = collections.Counter()
for s in stacks:
    for f in set(s): incl[f] += 1
print(f"{len(stacks)} samples")
print("top self frames:")
for f, k in self_.most_common(25): print(f"  {100*k/n:5.1f} %  {f}")
print("frames on the stack (inclusive):")
for f, k in incl.most_common(80): print(f"  {100*k/n:5.1f} %  {f}")
'
}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/gateway-$stamp${BENCH_LABEL:+-$BENCH_LABEL}.md
gw_java=$("$GATEWAY_JAVA" -version 2>&1 | head -1)
cs_java=$("$CONTENT_JAVA" -version 2>&1 | head -1)
{
  echo "# Gateway throughput, $stamp"
  echo
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  [ -z "$baseline_content_pid" ] || echo "- *-direct-baseline cases: content-service on $("$BASELINE_CONTENT_JAVA" -version 2>&1 | head -1), virtual threads ${BASELINE_CONTENT_VIRTUAL_THREADS:-false}, port $BASE_CS_PORT"
  [ -z "$baseline_jar" ] || echo "- *-baseline cases: $baseline_jar on $("${BASELINE_JAVA:-$GATEWAY_JAVA}" -version 2>&1 | head -1), port $BASE_PORT, same settings"
  echo "- gateway: $gw_java ${GATEWAY_JAVA_OPTS:-}; content-service: $cs_java ${CONTENT_JAVA_OPTS:-}, virtual threads $vt"
  echo "- command: \`wrk -t2 -c32 -d${seconds}s --latency\` per case, in this order, after warming each JVM case up until its rate stopped rising (below); delivery body $size bytes"
  echo
  echo "| case | req/s | p50 | p99 | non-2xx | new TCP connections | CPU s: gateway / content-service / infra |"
  echo "|---|---|---|---|---|---|---|"
} > "$out"
declare -A rps p50 p99
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cpu_all() { echo "$(cpu_ticks $serving_gateway) $(cpu_ticks $serving_content) $(cpu_ticks $infra_pid)"; }
for c in $cases; do
  serving_gateway=$gateway_pid
  serving_content=$content_pid
  case $c in
    *-direct-baseline) serving_content=$baseline_content_pid ;;
    *-baseline) serving_gateway=$baseline_pid ;;
  esac
  profiled=""
  if [ "${BENCH_PROFILE:-0}" = 1 ] && [ "$c" != nginx ]; then
    case $c in *-direct*) profiled=$serving_content ;; *) profiled=$serving_gateway ;; esac
    jfr_file=$profile_dir/$stamp-$c.jfr
    jcmd "$profiled" JFR.start name=bench settings=profile filename="$jfr_file" > /dev/null
  fi
  before=$(nstat -az TcpPassiveOpens | awk '/TcpPassiveOpens/ {print $2}')
  cpu_before=$(cpu_all)
  result=$(run_wrk "$c" "$seconds" 32)
  cpu=$(paste -d' ' <(echo $cpu_before | tr ' ' '\n') <(cpu_all | tr ' ' '\n') \
    | awk -v hz="$(getconf CLK_TCK)" '{printf "%s%.1f", (NR > 1 ? " / " : ""), ($2 - $1) / hz}')
  after=$(nstat -az TcpPassiveOpens | awk '/TcpPassiveOpens/ {print $2}')
  if [ -n "$profiled" ]; then
    jcmd "$profiled" JFR.stop name=bench > /dev/null
    top_frames "$jfr_file" > "$jfr_file.txt"
  fi
  rps[$c]=$(awk '/Requests\/sec/ {print $2}' <<< "$result")
  p50[$c]=$(awk '$1 == "50%" {print $2}' <<< "$result")
  p99[$c]=$(awk '$1 == "99%" {print $2}' <<< "$result")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<< "$result")
  errors=$(grep -o 'Socket errors.*' <<< "$result" || true)
  # wrk itself opens 32; upstream connections from the gateway to content-service count too (both are local).
  echo "| $c | ${rps[$c]} | ${p50[$c]} | ${p99[$c]} | ${non2xx:-0} | $((after - before)) ${errors:+($errors)} | $cpu |" >> "$out"
  echo "$c: ${rps[$c]} req/s, p50 ${p50[$c]}, p99 ${p99[$c]}${errors:+, $errors}"
done
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else if (v ~ /s$/) print v * 1000; else print v }'; }
ratio() { # through direct
  if [ -n "${rps[$1]:-}" ] && [ -n "${rps[$2]:-}" ]; then
    awk -v g="${rps[$1]}" -v d="${rps[$2]}" -v gp="$(ms "${p99[$1]}")" -v dp="$(ms "${p99[$2]}")" -v n="$1" \
      'BEGIN { printf "- %s: %.0f %% of direct throughput, p99 %.1f × direct\n", n, 100 * g / d, gp / dp }'
  fi
}
{
  echo
  ratio delivery-gateway delivery-direct
  ratio info-gateway info-direct
  ratio delivery-baseline delivery-direct
  ratio info-baseline info-direct
  [ -n "${rps[nginx]:-}" ] && [ -n "${rps[delivery-direct]:-}" ] \
    && awk -v n="${rps[nginx]}" -v d="${rps[delivery-direct]}" 'BEGIN { printf "- nginx serves the delivery body %.0f× faster than content-service\n", n / d }'
  echo "- load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- warm-up (bench/lib/warmup.sh), per case:"
  sed 's/^/  - /' "$WARMUP_LOG"
} >> "$out"
echo
cat "$out"
echo
echo "written to $out"
