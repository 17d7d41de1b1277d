/** Progress per entry, per locale pair and per target locale. */
package dev.hashi.translation.progress;
