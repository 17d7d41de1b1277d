/** translation-service's own metrics: translation units per state and locale pair. */
package dev.hashi.translation.observability;
