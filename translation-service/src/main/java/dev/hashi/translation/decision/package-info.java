/** Source-only decisions: units, field paths across a type and entries marked not to be translated. */
package dev.hashi.translation.decision;
