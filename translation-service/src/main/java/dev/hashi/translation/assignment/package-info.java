/** Who works on which unit, by when, and how urgently. */
package dev.hashi.translation.assignment;
