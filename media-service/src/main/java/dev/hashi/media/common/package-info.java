/** What every media feature shares: the supported locales. */
package dev.hashi.media.common;
