/** Media assets' metadata: kind, localized title, alt text and caption, and availability. */
package dev.hashi.media.asset;
