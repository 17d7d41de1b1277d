/** The web console: Thymeleaf screens with htmx over the gateway's public API, one package per area. */
package dev.hashi.console;
