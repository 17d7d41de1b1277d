/** media-service's own metrics: bytes stored and streamed. */
package dev.hashi.media.observability;
