/** Which downstream service serves which path, with its timeouts and circuit breaker. */
package dev.hashi.gateway.routing;
