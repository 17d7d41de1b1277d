/** Support for consumers that must apply each event once under at-least-once delivery. */
package dev.hashi.events.consumer;
