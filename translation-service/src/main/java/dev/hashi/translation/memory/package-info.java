/** Translation memory: approved translations reused as exact and fuzzy suggestions. */
package dev.hashi.translation.memory;
