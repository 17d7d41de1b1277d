/** A real Kafka broker and the MongoDB wire-protocol server, in-process, for the dev stack and tests. */
package dev.hashi.embedded;
