/** The media service. */
package dev.hashi.media;
