/** Events published by media-service on {@code cms.media.events}. */
package dev.hashi.events.media;
