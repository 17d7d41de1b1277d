/** Role and locale-pair checks shared by the domain services. */
package dev.hashi.service.access;
