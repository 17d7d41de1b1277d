/** The translation service. */
package dev.hashi.translation;
