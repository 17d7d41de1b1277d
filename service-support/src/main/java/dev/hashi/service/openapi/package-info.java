/** The OpenAPI description shared by every service: security scheme, paging, idempotency, problems. */
package dev.hashi.service.openapi;
