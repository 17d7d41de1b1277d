/** The pure rules of the one paging style, shared by the services and the gateway: cursor text and limit range. */
package dev.hashi.paging;
