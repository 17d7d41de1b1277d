/** Transactional outbox on single-document atomicity, and the relay that publishes it to Kafka. */
package dev.hashi.events.outbox;
