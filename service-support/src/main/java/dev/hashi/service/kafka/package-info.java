/** Kafka wiring shared by the domain services: topics, retries, dead letters, outbox relay, health. */
package dev.hashi.service.kafka;
