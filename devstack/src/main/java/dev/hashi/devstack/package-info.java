/** The dev stack launcher: a real Kafka broker, the MongoDB-wire server and the four services. */
package dev.hashi.devstack;
