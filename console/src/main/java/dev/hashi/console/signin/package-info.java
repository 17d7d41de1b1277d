/**
 * Who uses the console: sign-in (OIDC with an identity provider; a role picker backed by the gateway's dev token
 * endpoint in the dev profile), the bearer token held in the HTTP session, sign-out, CSRF and cookie settings.
 */
package dev.hashi.console.signin;
