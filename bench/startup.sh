#!/usr/bin/env bash
# The dev stack's first impression: time from command to ready banner and resident memory, per process.
#
# Each run starts ./hashi-dev on free ports with a fresh data folder, waits for the ready banner (every service's
# readiness, MongoDB and Kafka included), records the resident memory of the launcher and of every service JVM
# (RSS, and PSS, which splits pages shared between processes), puts a short load on the stack through the gateway
# (wrk against one page of each service, STARTUP_LOAD_SECONDS each, default 5; req/s are printed), records memory
# again, then stops the stack with SIGINT and reports how long the stop took.
#
# Usage: bench/startup.sh [runs=3]
# Build first (./mvnw -q -DskipTests package -pl devstack -am) so only start-up is measured: ./hashi-dev rebuilds
# when a source is newer than the jars.
# Environment:
#   STARTUP_BASELINE=<dir>   a folder with an older build's jars (devstack.jar, gateway.jar, content-service.jar, …);
#                            every run then starts that build too, right before the current one (alternating, same
#                            machine load), run as `java -jar devstack.jar` with the java on the PATH
#   STARTUP_VARIANTS         the variants of each run, in order (default: "baseline current" with STARTUP_BASELINE,
#                            else "current"): `baseline`, `current`, or name=VAR=value,VAR=value for ./hashi-dev with
#                            those variables, e.g. "j17=HASHI_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
#                            nocache=HASHI_DEV_CACHE=off". Before the measured runs every ./hashi-dev variant is started
#                            once and left running until its start-up caches are built ("first start after a build",
#                            printed, not in the medians; STARTUP_WARMUP=0 skips this when the caches exist)
#   STARTUP_NMT=1            also runs every JVM with -XX:NativeMemoryTracking=summary and writes
#                            `jcmd <pid> VM.native_memory summary` of each after start and after the load to
#                            STARTUP_OUT (default /tmp/hashi-startup), with every service's "Started … in" line
#   STARTUP_LOAD_SECONDS=0   skips the load
# Prints one line per run and variant, then the medians; the per-process table goes to STARTUP_OUT/memory.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-3}
load_seconds=${STARTUP_LOAD_SECONDS:-5}
out=${STARTUP_OUT:-/tmp/hashi-startup}
mkdir -p "$out"
: > "$out/memory.tsv"
: > "$out/runs.tsv"
for tool in python3 awk; do command -v "$tool" > /dev/null || { echo "bench/startup.sh needs $tool" >&2; exit 2; }; done
if [ "$load_seconds" != 0 ] && ! command -v wrk > /dev/null; then
  echo "bench/startup.sh: wrk is missing (apt-get install -y wrk), or set STARTUP_LOAD_SECONDS=0" >&2; exit 2
fi

# ./hashi-dev rebuilds (mvnw install) when a source is newer than a jar: that would be timed as start-up
for module in gateway content-service translation-service media-service console devstack-host devstack; do
  if [ ! -s "$module/target/$module.jar" ] || [ -n "$(find . -path ./data -prune -o -path '*/target' -prune -o \
      -path ./.git -prune -o -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
      -newer "$module/target/$module.jar" -print -quit)" ]; then
    echo "bench/startup.sh: $module/target/$module.jar is missing or older than a source; build first:" >&2
    echo "  ./mvnw -q -B -DskipTests package -pl devstack -am" >&2
    exit 2
  fi
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
since() { awk -v s="$1" -v n="$(now)" 'BEGIN{printf "%.1f", n-s}'; }
kib() { awk -v key="$1:" '$1==key{print $2; found=1} END{if(!found) print 0}' "$2" 2>/dev/null || echo 0; } # key file

variants=(current)
baseline_root=""
if [ -n "${STARTUP_BASELINE:-}" ]; then
  variants=(baseline current)
  # the launcher finds the services' jars as <root>/<module>/target/<module>.jar
  baseline_root=$(mktemp -d)
  for jar in "$STARTUP_BASELINE"/*.jar; do
    module=$(basename "$jar" .jar)
    mkdir -p "$baseline_root/$module/target"
    ln -s "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")" "$baseline_root/$module/target/$module.jar"
  done
fi
if [ -n "${STARTUP_VARIANTS:-}" ]; then read -r -a variants <<< "$STARTUP_VARIANTS"; fi
# the launcher's own ready timeout is per service; a loaded machine must not fail the run
export HASHI_READY_TIMEOUT=${HASHI_READY_TIMEOUT:-600}

# label of a JVM from its command line: the module of its jar or class path, the launcher otherwise
label_of() {
  local cmd
  cmd=$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null || true)
  # the one JVM that runs every service (the default since HASHI_DEV_JVM)
  case $cmd in *devstack-host*) echo "services"; return ;; esac
  for module in gateway content-service translation-service media-service console; do
    case $cmd in *"/$module/"*|*"/$module.jar"*|*"$module-"*) echo "$module"; return ;; esac
  done
  echo launcher
}

ticks=$(getconf CLK_TCK)
memory() { # variant run phase launcher-pid -> appends to memory.tsv, prints the totals (MB, MB, CPU s)
  local variant=$1 run=$2 phase=$3 launcher=$4 total_rss=0 total_pss=0 total_cpu=0 pids
  pids="$launcher $(pgrep -P "$launcher" || true)"
  for pid in $pids; do
    local rss pss name cpu
    rss=$(kib VmRSS "/proc/$pid/status")
    pss=$(kib Pss "/proc/$pid/smaps_rollup")
    # CPU time the process used so far (user + system): on a loaded machine a steadier measure than wall time
    cpu=$(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    name=$(label_of "$pid")
    printf '%s\t%s\t%s\t%s\t%d\t%d\t%.1f\n' "$variant" "$run" "$phase" "$name" $((rss / 1024)) $((pss / 1024)) \
      "$(awk -v c="$cpu" -v t="$ticks" 'BEGIN{print c/t}')" >> "$out/memory.tsv"
    total_rss=$((total_rss + rss)); total_pss=$((total_pss + pss)); total_cpu=$((total_cpu + cpu))
    if [ "${STARTUP_NMT:-}" = 1 ]; then
      local jcmd
      jcmd="$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd"
      "$jcmd" "$pid" VM.native_memory summary > "$out/nmt-$variant-$run-$phase-$name.txt" 2>&1 || true
    fi
  done
  printf '%d %d %s' $((total_rss / 1024)) $((total_pss / 1024)) "$(awk -v c="$total_cpu" -v t="$ticks" 'BEGIN{printf "%.0f", c/t}')"
}

load() { # gateway-port variant run -> req/s per page, space-separated
  local port=$1 result=""
  for path in /api/content/info /api/translations/info /api/media/info /api/health; do
    local rps
    rps=$(wrk -t2 -c16 -d"${load_seconds}"s "http://127.0.0.1:$port$path" 2>/dev/null | awk '/Requests\/sec/{printf "%.0f", $2}')
    result+="${rps:-0} "
  done
  echo "$result"
}

printf 'machine: %s cores, %s MB RAM; java on PATH: %s\n' "$(nproc)" "$(awk '/MemTotal/{print int($2/1024)}' /proc/meminfo)" \
  "$(java -version 2>&1 | head -1)"
launch() { # variant-spec log -> starts the launcher in the background ($! is its pid)
  local spec=$1 assignments=()
  if [ "$spec" = baseline ]; then
    env --default-signal=INT java -Dhashi.root="$baseline_root" -jar "$baseline_root/devstack/target/devstack.jar" > "$2" 2>&1 &
    return
  fi
  case $spec in *=*) IFS=, read -r -a assignments <<< "${spec#*=}" ;; esac
  env "${assignments[@]}" ./hashi-dev > "$2" 2>&1 &
}
wait_ready() { # pid log start
  until grep -q "Hashi is ready" "$2"; do
    if ! kill -0 "$1" 2>/dev/null; then echo "launcher died:"; cat "$2"; exit 1; fi
    if awk -v s="$3" -v n="$(now)" 'BEGIN{exit !(n-s>900)}'; then echo "not ready after 900 s"; kill -INT "$1"; exit 1; fi
    sleep 0.1
  done
}
ports() {
  export HASHI_DATA_DIR="$1" GATEWAY_PORT=$(free_port) CONTENT_SERVICE_PORT=$(free_port) \
    TRANSLATION_SERVICE_PORT=$(free_port) MEDIA_SERVICE_PORT=$(free_port) HASHI_MONGO_PORT=$(free_port) \
    HASHI_KAFKA_PORT=$(free_port) HASHI_KAFKA_CONTROLLER_PORT=$(free_port) CONSOLE_PORT=$(free_port)
}

for spec in "${variants[@]}"; do
  [ "$spec" = baseline ] || [ "${STARTUP_WARMUP:-1}" = 0 ] && continue
  data=$(mktemp -d); ports "$data"
  start=$(now)
  launch "$spec" "$data/launcher.out"
  pid=$!
  wait_ready "$pid" "$data/launcher.out" "$start"
  first=$(since "$start")
  # the caches are built after the banner; wait for them (or for nothing to build)
  sleep 2
  if grep -q "preparing start-up caches" "$data/launcher.out"; then
    until grep -q "start-up caches ready" "$data/launcher.out"; do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
  fi
  printf 'warm-up %s: ready after %s s; %s (caches after %s s)\n' "${spec%%=*}" "$first" \
    "$(grep -h "start-up caches\|no start-up cache" "$data/launcher.out" | tr '\n' ' ')" "$(since "$start")"
  kill -INT "$pid"; wait "$pid" || true
  rm -rf "$data"
done

for i in $(seq 1 "$runs"); do
  for spec in "${variants[@]}"; do
    variant=${spec%%=*}
    data=$(mktemp -d)
    ports "$data"
    gateway_port=$GATEWAY_PORT
    if [ "${STARTUP_NMT:-}" = 1 ]; then export JAVA_TOOL_OPTIONS="-XX:NativeMemoryTracking=summary"; fi
    log="$data/launcher.out"
    load_average=$(cut -d' ' -f1 /proc/loadavg)
    start=$(now)
    launch "$spec" "$log"
    pid=$!
    wait_ready "$pid" "$log" "$start"
    ready=$(since "$start")
    # hashi-dev execs the launcher, so $pid is the launcher JVM
    after_start=$(memory "$variant" "$i" start "$pid")
    rps="-"
    after_load="- - -"
    if [ "$load_seconds" != 0 ]; then
      rps=$(load "$gateway_port")
      after_load=$(memory "$variant" "$i" load "$pid")
    fi
    if [ "${STARTUP_NMT:-}" = 1 ]; then
      grep -h "Started .* in " "$data"/logs/*.log > "$out/started-$variant-$i.txt" 2>/dev/null || true
    fi
    stop_start=$(now)
    kill -INT "$pid"; wait "$pid" || true
    stopped=$(since "$stop_start")
    read -r start_rss start_pss start_cpu <<< "$after_start"
    read -r load_rss load_pss load_cpu <<< "$after_load"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$variant" "$i" "$load_average" "$ready" "$stopped" \
      "$start_rss" "$start_pss" "$load_rss" "$load_pss" "$rps" "$start_cpu" >> "$out/runs.tsv"
    printf 'run %d %-8s load %5s: ready after %5s s (%s CPU s), stopped in %4s s; RSS/PSS after start %s/%s MB, after load %s/%s MB; req/s content/translation/media info, health: %s\n' \
      "$i" "$variant" "$load_average" "$ready" "$start_cpu" "$stopped" "$start_rss" "$start_pss" "$load_rss" "$load_pss" "$rps"
    unset JAVA_TOOL_OPTIONS
    rm -rf "$data"
  done
done
[ -n "$baseline_root" ] && rm -rf "$baseline_root"

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for spec in "${variants[@]}"; do
  variant=${spec%%=*}
  m_ready=$(awk -F'\t' -v v="$variant" '$1==v{print $4}' "$out/runs.tsv" | median)
  m_rss=$(awk -F'\t' -v v="$variant" '$1==v{print $6}' "$out/runs.tsv" | median)
  m_load=$(awk -F'\t' -v v="$variant" '$1==v && $8!="-"{print $8}' "$out/runs.tsv" | median)
  m_cpu=$(awk -F'\t' -v v="$variant" '$1==v{print $11}' "$out/runs.tsv" | median)
  printf 'median %-8s: command-to-ready %s s using %s CPU s, RSS after start %s MB, after load %s MB (%d run(s), %s cores)\n' \
    "$variant" "$m_ready" "$m_cpu" "$m_rss" "$m_load" "$runs" "$(nproc)"
done
echo "per process (MB, median over runs):"
printf 'variant\tphase\tprocess\tRSS\tPSS\tCPU s\n'
for spec in "${variants[@]}"; do
  variant=${spec%%=*}
  for phase in start load; do
    for name in $(awk -F'\t' -v v="$variant" -v p="$phase" '$1==v && $3==p{print $4}' "$out/memory.tsv" | sort -u); do
      r=$(awk -F'\t' -v v="$variant" -v p="$phase" -v n="$name" '$1==v && $3==p && $4==n{print $5}' "$out/memory.tsv" | median)
      s=$(awk -F'\t' -v v="$variant" -v p="$phase" -v n="$name" '$1==v && $3==p && $4==n{print $6}' "$out/memory.tsv" | median)
      c=$(awk -F'\t' -v v="$variant" -v p="$phase" -v n="$name" '$1==v && $3==p && $4==n{print $7}' "$out/memory.tsv" | median)
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$variant" "$phase" "$name" "$r" "$s" "$c"
    done
  done
done
