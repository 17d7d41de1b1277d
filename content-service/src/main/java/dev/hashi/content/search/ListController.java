package dev.hashi.content.search;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Locales;
import dev.hashi.content.delivery.DeliveryHeaders;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "delivery")
class ListController {

    private final EntryLists lists;
    private final DeliveryIndex index;
    private final Locales locales;

    ListController(EntryLists lists, DeliveryIndex index, Locales locales) {
        this.lists = lists;
        this.index = index;
        this.locales = locales;
    }

    @GetMapping("/api/delivery/entries/{type}")
    @Operation(
            summary = "Published entries of a type in the negotiated locale: filter.<field>=value, sort=<field> or"
                    + " -<field> (text in the locale's collation), fields=<f1,f2>, limit, cursor; total included")
    ResponseEntity<Page<ListItem>> list(
            @PathVariable String type,
            @RequestParam(required = false) String locale,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestParam MultiValueMap<String, String> params,
            PageRequest page,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        String tag = locales.negotiate(locale, acceptLanguage);
        ContentType contentType = index.catalog()
                .find(type)
                .filter(t -> !t.component())
                .orElseThrow(() -> new NotFoundException(ContentTypes.RESOURCE, type));
        EntryLists.Listing listing = lists.list(ListQuery.parse(contentType, tag, params), page);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, tag)
                .header(DeliveryHeaders.TYPES, contentType.key())
                .header(DeliveryHeaders.VERSIONS, DeliveryHeaders.versions(listing.versions()))
                .body(listing.page());
    }
}
