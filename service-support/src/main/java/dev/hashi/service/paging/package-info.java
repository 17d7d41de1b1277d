/** The one paging style of every list: opaque cursor and limit in, items, next and total out. */
package dev.hashi.service.paging;
