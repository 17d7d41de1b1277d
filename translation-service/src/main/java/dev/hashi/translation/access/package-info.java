/** Authorization rules of the translation service, from the caller's verified identity. */
package dev.hashi.translation.access;
