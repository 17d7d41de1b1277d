#!/usr/bin/env bash
# Benchmarks translation-service in one JVM on the embedded Kafka broker and MongoDB-wire server: tracks 1,000 units
# from content events, copies their stored documents up to N units (default 100000), then prints queue query p50/p99 over HTTP and the
# latency from a content event published on the topic to its unit stored (p50/p99). Usage: run.sh [N] [samples]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl translation-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="translation-service/target/classes:translation-service/target/test-classes:$(cat translation-service/target/bench.classpath)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -Xmx1500m -cp "$cp" bench/translation/TranslationBench.java "${1:-100000}" "${2:-200}"
