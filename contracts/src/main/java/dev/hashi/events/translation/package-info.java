/** Events published by translation-service on {@code cms.translation.events}. */
package dev.hashi.events.translation;
