/** Consumes content events; the units' own events leave through the outbox of the unit documents. */
package dev.hashi.translation.events;
