/** What every media feature shares: the supported locales, upload limits and scheduling. */
package dev.hashi.media.common;
