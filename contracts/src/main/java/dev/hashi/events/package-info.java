/** Event contracts shared by the services: envelope, topics, type registry and JSON codec. */
package dev.hashi.events;
