/** What content knows about media assets: a summary per asset, kept from media-service's events. */
package dev.hashi.content.media;
