/**
 * The console's only way to the services: {@link dev.hashi.console.gateway.GatewayApi} calls the gateway's public API
 * with the signed-in user's bearer token and turns RFC 9457 problems into {@link dev.hashi.console.gateway.GatewayProblem}.
 */
package dev.hashi.console.gateway;
