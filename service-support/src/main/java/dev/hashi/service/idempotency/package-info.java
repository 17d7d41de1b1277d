/** Idempotency-Key handling for every create of every service. */
package dev.hashi.service.idempotency;
