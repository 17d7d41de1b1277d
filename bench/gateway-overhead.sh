#!/usr/bin/env bash
# Gateway overhead, side by side in one run: wrk against a running dev stack (./hashi-dev), the same endpoint
# through the gateway and directly on content-service, then a gateway-only 404. Needs wrk (apt-get install wrk).
# For a fair number start the stack with generous anonymous limits, e.g.
#   RATE_LIMIT_ANONYMOUS_BURST=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 ./hashi-dev
set -euo pipefail
gateway=${GATEWAY_URL:-http://127.0.0.1:8080}
content=${CONTENT_URL:-http://127.0.0.1:8081}
seconds=${1:-10}
for url in "$gateway/api/content/info" "$content/api/content/info"; do
  wrk -t1 -c8 -d3s "$url" > /dev/null
done
echo "machine: $(nproc) cores; wrk -t1 -c8 -d${seconds}s"
for target in "through the gateway|$gateway/api/content/info" "content-service directly|$content/api/content/info" \
              "404 answered by the gateway|$gateway/api/nothing-here"; do
  name=${target%%|*}; url=${target#*|}
  wrk -t1 -c8 -d"${seconds}s" --timeout 5s "$url" \
    | awk -v name="$name" '/Requests\/sec/ {rps=$2} /Latency/ {lat=$2} /timeout/ {to=$0} END {printf "%-30s %10s req/s  mean latency %s %s\n", name, rps, lat, to}'
done
