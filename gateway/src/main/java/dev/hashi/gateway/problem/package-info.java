/** Turns every gateway-side failure into an RFC 9457 problem response. */
package dev.hashi.gateway.problem;
