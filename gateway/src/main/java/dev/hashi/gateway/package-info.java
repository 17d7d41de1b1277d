/** The public entry of Hashi: routes client requests to the content, translation and media services. */
package dev.hashi.gateway;
