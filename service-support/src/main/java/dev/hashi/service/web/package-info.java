/** HTTP plumbing shared by the domain services: request ids and RFC 9457 problem responses. */
package dev.hashi.service.web;
