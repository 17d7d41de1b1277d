#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go: bench/jfr-summary.py <recording.jfr> [more.jfr ...]

Reads the jdk.ExecutionSample events (`jfr print`, JDK's own tool) and prints, per recording:
  - the share of samples per subsystem: each sample is attributed to the first frame, walking up from the top of its
    stack (the running method), that belongs to a known subsystem; samples with none are "plumbing" (plain Reactor,
    Netty transport and JDK frames with no known caller in between);
  - the top self frames (the running method itself);
  - the gateway's own classes: the share of samples with each dev.hashi frame on the stack (inclusive).
"""
import collections
import re
import subprocess
import sys

# First match wins; order matters (more specific prefixes first).
SUBSYSTEMS = [
    ("dev.hashi.gateway.requestid.", "gateway: request id + access log"),
    ("dev.hashi.gateway.ratelimit.", "gateway: rate limit"),
    ("io.github.bucket4j.", "gateway: rate limit"),
    ("dev.hashi.gateway.delivery.", "gateway: delivery cache"),
    ("dev.hashi.gateway.problem.", "gateway: problems"),
    ("dev.hashi.gateway.security.", "gateway: security (own filters, identity)"),
    ("dev.hashi.identity.", "gateway: security (own filters, identity)"),
    ("dev.hashi.gateway.edge.", "gateway: body limits"),
    ("dev.hashi.gateway.routing.", "gateway: routing"),
    ("dev.hashi.", "gateway: other"),
    ("org.springframework.security.", "Spring Security"),
    ("org.springframework.cloud.gateway.", "Spring Cloud Gateway"),
    ("org.springframework.cloud.circuitbreaker.", "circuit breaker"),
    ("io.github.resilience4j.", "circuit breaker"),
    ("ch.qos.logback.", "logging"),
    ("org.slf4j.", "logging"),
    ("io.micrometer.context.", "context propagation"),
    ("io.micrometer.", "Micrometer observations"),
    ("com.github.benmanes.caffeine.", "Caffeine"),
    ("com.fasterxml.jackson.", "Jackson"),
    ("tools.jackson.", "Jackson"),
    ("org.springframework.web.", "Spring WebFlux"),
    ("org.springframework.http.", "Spring WebFlux"),
    ("org.springframework.", "Spring other"),
    ("io.netty.handler.codec.http.", "Netty HTTP codec"),
    ("reactor.netty.http.", "Reactor Netty HTTP"),
]


# Frames that only pass the request on (they subscribe the rest of the chain): never the cost themselves.
PASS_THROUGH = (
    "dev.hashi.gateway.requestid.RequestIdFilter$WithRequestIdInMdc.subscribe",
    "reactor.netty.http.server.HttpServer$HttpServerHandle.onStateChange",
    "reactor.netty.http.server.HttpServerOperations.onInboundNext",
    "reactor.netty.http.server.HttpServerOperations.handleDefaultHttpRequest",
    "reactor.netty.http.server.HttpTrafficHandler.channelRead",
    "reactor.netty.channel.ChannelOperationsHandler.channelRead",
)


def subsystem(frame):
    if frame.startswith(PASS_THROUGH):
        return None
    for prefix, name in SUBSYSTEMS:
        if frame.startswith(prefix):
            return name
    return None


def stacks(path):
    out = subprocess.run(["jfr", "print", "--stack-depth", "512", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    result, current = [], None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("stackTrace = ["):
            current = []
        elif current is not None and line.startswith("]"):
            result.append(current)
            current = None
        elif current is not None and line and not line.startswith("..."):
            current.append(re.sub(r"\s+line:.*", "", line))
    return result


def summarise(path):
    samples = stacks(path)
    n = len(samples) or 1
    by_subsystem = collections.Counter()
    attributed = collections.defaultdict(collections.Counter)
    for s in samples:
        frame = next((f for f in s if subsystem(f)), None)
        name = subsystem(frame) if frame else "Reactor / Netty / JDK plumbing"
        by_subsystem[name] += 1
        if frame:
            attributed[name][frame] += 1
    print(f"## {path}: {len(samples)} samples")
    print("\n| subsystem (first known frame from the top) | share |\n|---|---|")
    for name, k in by_subsystem.most_common():
        print(f"| {name} | {100 * k / n:.1f} % |")
    print("\nthe frames each of the largest subsystems was attributed to:")
    for name, _ in by_subsystem.most_common(6):
        for f, k in attributed[name].most_common(6):
            print(f"  {100 * k / n:5.1f} %  {name}: {f}")
    print("\ntop self frames:")
    for f, k in collections.Counter(s[0] for s in samples if s).most_common(20):
        print(f"  {100 * k / n:5.1f} %  {f}")
    inclusive = collections.Counter()
    for s in samples:
        for f in set(s):
            if f.startswith("dev.hashi.") or f.startswith("org.springframework.security.web.server.WebFilterChainProxy"):
                inclusive[f] += 1
    print("\ngateway frames and the security chain on the stack (inclusive):")
    for f, k in inclusive.most_common(30):
        print(f"  {100 * k / n:5.1f} %  {f}")
    print()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for recording in sys.argv[1:]:
        summarise(recording)
