/**
 * Where the console's HTTP sessions live: MongoDB ({@code MONGODB_URI}, database {@code hashi_console}, collection
 * {@code sessions}) behind Spring Session's filter, so any console instance serves any session and a restart keeps them.
 */
package dev.hashi.console.session;
