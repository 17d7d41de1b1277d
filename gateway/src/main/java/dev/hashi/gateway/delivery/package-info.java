/** The gateway's delivery response cache: keyed by path and negotiated locale, evicted from Kafka events. */
package dev.hashi.gateway.delivery;
