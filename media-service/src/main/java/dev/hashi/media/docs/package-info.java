/** The service's OpenAPI document: bearer security, the problem schema and the shared paging parameters. */
package dev.hashi.media.docs;
