/** The platform's one SHA-256 helper. */
package dev.hashi.digest;
