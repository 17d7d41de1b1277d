/** MongoDB wiring shared by the domain services. */
package dev.hashi.service.mongo;
