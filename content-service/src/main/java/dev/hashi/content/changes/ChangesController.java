package dev.hashi.content.changes;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "delivery")
@RequestMapping("/api/delivery/changes")
class ChangesController {

    private final ChangeFeed feed;

    ChangesController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping
    @Operation(
            summary =
                    "Entries published, unpublished and deleted, oldest first, for site builders and mirrors (anyone);"
                            + " pass the answer's next as since to get only later changes; never cached")
    ResponseEntity<ChangePage> changes(
            @Parameter(description = "The next cursor of an earlier answer; absent: from the beginning of the log")
                    @RequestParam(required = false)
                    String since,
            @Parameter(
                            description = "At most this many changes (1 to " + PageRequest.MAX_LIMIT + ", default "
                                    + PageRequest.DEFAULT_LIMIT + ")",
                            schema = @Schema(type = "integer"))
                    @RequestParam(required = false)
                    String limit) {
        List<FieldError> errors = new ArrayList<>();
        int size = PageRequest.DEFAULT_LIMIT;
        try {
            size = PageRequest.parse(null, limit, PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT)
                    .limit();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        ChangeCursor cursor = ChangeCursor.beginning();
        if (since != null && !since.isEmpty()) {
            try {
                cursor = ChangeCursor.decode(since);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ChangePage page = feed.read(cursor, size);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (page.hasMore()) {
            String next = UriComponentsBuilder.fromPath("/api/delivery/changes")
                    .queryParam(ChangeCursor.PARAMETER, page.next())
                    .queryParam("limit", size)
                    .build()
                    .toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(page);
    }
}
