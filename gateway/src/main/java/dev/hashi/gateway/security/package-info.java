/** Authentication at the edge and the signed identity forwarded to services. */
package dev.hashi.gateway.security;
