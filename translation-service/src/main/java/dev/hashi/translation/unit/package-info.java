/** Translation units, their states and history, and how content events change them. */
package dev.hashi.translation.unit;
