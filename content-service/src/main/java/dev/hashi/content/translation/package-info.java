/** Landing translations from translation-service into their target locale, with provenance. */
package dev.hashi.content.translation;
