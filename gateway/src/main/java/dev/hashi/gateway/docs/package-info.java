/** The gateway's own OpenAPI document and the one index of every API document behind the gateway. */
package dev.hashi.gateway.docs;
