/** API tokens for scripts and CI, kept as hashes in a compacted Kafka topic. */
package dev.hashi.gateway.tokens;
