#!/usr/bin/env bash
# Save and publish latency (p50/p99) of content-service over HTTP with N entries stored (default 10000), against the
# embedded Kafka broker and MongoDB-wire server, one client thread. Usage: bench/content/save-publish.sh [N] [samples]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl content-service test-compile
mvn -B -o -q -pl content-service dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/content-service/target/bench.classpath"
java -Xmx1g -cp "content-service/target/test-classes:content-service/target/classes:$(cat content-service/target/bench.classpath)" \
    dev.hashi.content.bench.ContentBenchmark "${1:-10000}" "${2:-500}"
