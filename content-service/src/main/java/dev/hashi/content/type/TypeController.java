package dev.hashi.content.type;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Access;
import dev.hashi.identity.Identity;
import dev.hashi.service.web.ApiProblem;

@RestController
@RequestMapping("/api/content/types")
class TypeController {

    private final ContentTypes types;
    private final SeedTypes seed;

    TypeController(ContentTypes types, SeedTypes seed) {
        this.types = types;
        this.seed = seed;
    }

    @GetMapping
    List<ContentTypeView> list(Identity caller) {
        Access.requireDraftReader(caller);
        TypeCatalog catalog = types.catalog();
        return catalog.all().stream()
                .sorted(Comparator.comparing(ContentType::key))
                .map(t -> ContentTypeView.of(t, catalog))
                .toList();
    }

    @GetMapping("/{key}")
    ContentTypeView get(@PathVariable String key, Identity caller) {
        Access.requireDraftReader(caller);
        TypeCatalog catalog = types.catalog();
        return catalog.find(key)
                .map(t -> ContentTypeView.of(t, catalog))
                .orElseThrow(
                        () -> new ApiProblem(HttpStatus.NOT_FOUND, "type.not-found", "No content type '" + key + "'.")
                                .with("value", key));
    }

    @PutMapping("/{key}")
    ContentTypeView define(@PathVariable String key, @Valid @RequestBody ContentTypeRequest request, Identity caller) {
        Access.requireAdmin(caller);
        types.define(key, request, caller);
        TypeCatalog catalog = types.catalog();
        return ContentTypeView.of(catalog.require(key), catalog);
    }

    @PostMapping("/seed")
    List<String> installSeed(Identity caller) {
        Access.requireAdmin(caller);
        return seed.install(caller);
    }
}
