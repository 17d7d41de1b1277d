/** Edge protections that need no knowledge of the caller: body sizes. */
package dev.hashi.gateway.edge;
