/** The translators' queue: what needs translating, filtered, sorted and paged. */
package dev.hashi.translation.queue;
