package dev.hashi.service.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.error.RuleViolationException;
import dev.hashi.service.paging.Cursor;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/** A tiny service on the shared plumbing: echoes the caller and the body, pages a list, or refuses with a problem. */
@SpringBootApplication
class EchoApp {

    /** How many notes were created, so tests can tell a replay from a second run. */
    static final AtomicInteger CREATED = new AtomicInteger();

    record Note(@NotBlank @Size(max = 40) String title) {}

    record Item(String id) {}

    @RestController
    static class EchoController {

        private static final List<Item> ITEMS = IntStream.rangeClosed(1, 45)
                .mapToObj(i -> new Item("item-%03d".formatted(i)))
                .toList();

        @GetMapping("/api/echo/whoami")
        Map<String, Object> whoami(Identity caller) {
            return Map.of("subject", caller.subject(), "roles", caller.roles().toString());
        }

        @GetMapping("/api/echo/context")
        Map<String, Object> context(CommandContext context) {
            return Map.of("actor", context.actor(), "traceId", String.valueOf(context.traceId()));
        }

        @PostMapping("/api/echo/notes")
        Map<String, Object> create(@RequestBody Note note, CommandContext context) {
            Access.requireEditor(context.caller());
            if (note.title() == null || note.title().isBlank()) {
                throw new RuleViolationException("note.title-required", "A note needs a title.").with("field", "title");
            }
            return Map.of("title", note.title(), "number", CREATED.incrementAndGet());
        }

        @PostMapping("/api/echo/validated-notes")
        Note validated(@Valid @RequestBody Note note) {
            return note;
        }

        @GetMapping("/api/echo/notes/{id}")
        Note find(@PathVariable String id) {
            throw new NotFoundException("note", id);
        }

        @GetMapping("/api/echo/items")
        Page<Item> items(PageRequest page) {
            List<Item> fetched = ITEMS.stream()
                    .filter(item -> page.afterId() == null || item.id().compareTo(page.afterId()) > 0)
                    .limit(page.fetchSize())
                    .toList();
            return Page.keyset(fetched, page, item -> Cursor.after(item.id()), (long) ITEMS.size());
        }
    }
}
