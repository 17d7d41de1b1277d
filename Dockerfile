# Image for any of the four Hashi services: gateway, content-service, translation-service, media-service.
#
# One parametrised Dockerfile rather than four copies: the services differ only in the Maven module
# that is packaged and the port they listen on, so four files would be the same text with two words
# changed, and they would drift. docker-compose.yml passes both as build arguments; by hand:
#
#   docker build --build-arg MODULE=content-service --build-arg PORT=8081 -t hashi/content-service .
#
# The build context is the repository root. Everything up to "ARG MODULE" is identical for all four
# services, so the dependency download is done and cached once for all of them.

# The poms alone, so that dependency resolution is cached until a pom changes. This stage sees every
# source change, but its output is byte-identical while the poms are, so the COPY --from below and
# the dependency download after it stay cached. Every module sits directly under the root, so a new
# module needs no edit here.
FROM maven:3.9.16-eclipse-temurin-21 AS poms
WORKDIR /src
COPY . .
RUN mkdir /poms && find . -maxdepth 2 -name pom.xml -exec cp --parents {} /poms/ \;

FROM maven:3.9.16-eclipse-temurin-21 AS build
WORKDIR /workspace
COPY --from=poms /poms/ ./
# go-offline skips the reactor's own modules (excludeReactor defaults to true), so the SNAPSHOT
# siblings that are not built yet do not break it.
RUN mvn -B -ntp dependency:go-offline

COPY . .
ARG MODULE
RUN test -n "${MODULE}" || { echo "Set the module to build: --build-arg MODULE=<module directory>" >&2; exit 1; }
RUN mvn -B -ntp -pl "${MODULE}" -am package -DskipTests \
 && cp "${MODULE}/target/${MODULE}.jar" /workspace/app.jar


FROM eclipse-temurin:21.0.12_8-jre-noble
ARG MODULE
ARG PORT=8080
LABEL org.opencontainers.image.title="hashi-${MODULE}"

RUN groupadd --system --gid 10001 hashi \
 && useradd --system --uid 10001 --gid hashi --home-dir /app --no-create-home --shell /usr/sbin/nologin hashi

WORKDIR /app
# Owned by root and read-only for the service user: the process cannot rewrite its own code.
COPY --from=build /workspace/app.jar /app/app.jar

# Heap sized from the container's memory limit; JRE 21+, so virtual threads are on.
ENV SERVER_PORT=${PORT} \
    HASHI_PROFILE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dspring.threads.virtual.enabled=true"

EXPOSE ${PORT}
USER 10001:10001

# No curl or wget: the Temurin JRE images do not promise them (25-jre dropped curl), so bash speaks
# HTTP over /dev/tcp. Readiness is the signal: for the domain services it includes MongoDB and Kafka.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/1\\.[01] 200'"]

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
