/** The caller identity the gateway forwards to services, and its signed header form. */
package dev.hashi.identity;
