package dev.hashi.service.web;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;

/** A tiny service on the shared plumbing: echoes the caller and the body, or refuses with a problem. */
@SpringBootApplication
class EchoApp {

    record Note(String title) {}

    @RestController
    static class EchoController {

        @GetMapping("/api/echo/whoami")
        Map<String, Object> whoami(Identity caller) {
            return Map.of("subject", caller.subject(), "roles", caller.roles().toString());
        }

        @PostMapping("/api/echo/notes")
        Note create(@RequestBody Note note) {
            if (note.title() == null || note.title().isBlank()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "note.title-required", "A note needs a title.")
                        .with("field", "title");
            }
            return note;
        }
    }
}
