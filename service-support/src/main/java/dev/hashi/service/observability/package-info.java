/** Metrics, trace context across Kafka and the defaults that switch tracing on only when an OTLP endpoint is set. */
package dev.hashi.service.observability;
