/** Events published by content-service on {@code cms.content.events}. */
package dev.hashi.events.content;
