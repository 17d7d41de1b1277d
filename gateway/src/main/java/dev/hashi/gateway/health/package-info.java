/** One public health view aggregated from the downstream services' own health endpoints. */
package dev.hashi.gateway.health;
