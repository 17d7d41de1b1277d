/** The gateway's metrics endpoint, kept off the public edge, and tracing switched on only with an OTLP endpoint. */
package dev.hashi.gateway.observability;
