package dev.hashi.content.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Locales;
import dev.hashi.content.delivery.DeliveryHeaders;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "delivery")
class SearchController {

    /** Longest query text, in UTF-16 code units. */
    static final int MAX_QUERY = 256;

    private final TextSearch search;
    private final DeliveryIndex index;
    private final Locales locales;

    SearchController(TextSearch search, DeliveryIndex index, Locales locales) {
        this.search = search;
        this.index = index;
        this.locales = locales;
    }

    @GetMapping("/api/delivery/search")
    @Operation(
            summary = "Full-text search of published values in every locale (or, with locale, the values its"
                    + " readers see, own locale first), ranked, with the matched field and a snippet")
    ResponseEntity<Page<SearchHit>> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String locale,
            @RequestParam(required = false) String type,
            PageRequest page) {
        if (q == null || q.isBlank()) {
            throw InvalidInputException.field("q", ProblemCodes.FIELD_REQUIRED, "Say what to search for in q.");
        }
        if (q.length() > MAX_QUERY) {
            throw InvalidInputException.field(
                    "q", ProblemCodes.FIELD_RANGE, "q has at most " + MAX_QUERY + " characters.", q.length());
        }
        String tag = locales.optional("locale", locale);
        String typeKey = null;
        if (type != null && !type.isBlank()) {
            typeKey = index.catalog().require(type).key();
        }
        TextSearch.Result result = search.search(q, groups(tag), typeKey, page);
        return ResponseEntity.ok()
                .header(DeliveryHeaders.TYPES, typeKey == null ? DeliveryHeaders.ALL_TYPES : typeKey)
                .header(DeliveryHeaders.VERSIONS, DeliveryHeaders.versions(result.versions()))
                .body(result.page());
    }

    /** No locale: one group of everything; a locale: itself with the unlocalized values, then each fallback. */
    private List<List<String>> groups(String tag) {
        if (tag == null) {
            return List.of(List.of());
        }
        List<List<String>> groups = new ArrayList<>();
        for (String locale : locales.chain(tag)) {
            groups.add(groups.isEmpty() ? List.of(locale, IndexDocuments.NO_LOCALE) : List.of(locale));
        }
        return groups;
    }
}
