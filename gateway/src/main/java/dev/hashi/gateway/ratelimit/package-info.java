/** Per-caller request rate limits at the edge. */
package dev.hashi.gateway.ratelimit;
