/**
 * Domain exceptions with stable codes, free of HTTP: domain code throws them, and the web edge
 * ({@code dev.hashi.service.web.ProblemResponses}) maps them to RFC 9457 problems in one place.
 */
package dev.hashi.service.error;
