/** Which content entries reference which assets, learned from content's events. */
package dev.hashi.media.reference;
