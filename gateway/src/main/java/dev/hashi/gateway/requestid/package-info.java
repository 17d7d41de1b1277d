/** Gives each request an id that travels downstream, back to the client and into the logs. */
package dev.hashi.gateway.requestid;
