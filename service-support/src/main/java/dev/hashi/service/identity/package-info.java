/** Verifies the caller identity the gateway forwards. */
package dev.hashi.service.identity;
