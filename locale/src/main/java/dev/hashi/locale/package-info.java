/** ICU-based locale toolkit: every locale-sensitive operation of the platform goes through this package. */
package dev.hashi.locale;
