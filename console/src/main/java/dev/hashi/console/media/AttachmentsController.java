package dev.hashi.console.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hashi.console.gateway.GatewayApi;
import dev.hashi.console.gateway.GatewayProblem;
import dev.hashi.console.gateway.GatewayUploads;
import dev.hashi.console.signin.ConsoleUser;
import dev.hashi.console.support.Json;
import dev.hashi.console.support.Params;

import tools.jackson.databind.JsonNode;

/**
 * The Attachments screens.
 *
 * <ul>
 *   <li>{@code GET /attachments?kind=&availability=&cursor=}: assets with title per locale, availability and
 *       variants.
 *   <li>{@code POST /attachments} ({@code kind}, {@code title.en}, {@code title.ja}, {@code availability},
 *       {@code contact.en}, {@code contact.ja}, {@code expectedAt}): a new asset, then its page.
 *   <li>{@code GET /attachments/{id}}: the asset, its variants per locale and an upload form per locale.
 *   <li>{@code PUT /attachments/{id}/variants/{locale}?fileName=}: the browser's raw file body (sent by
 *       {@code /js/upload.js} with progress events and the CSRF header), streamed on to
 *       {@code PUT /api/media/assets/{id}/variants/{locale}}; answers JSON {@code {"ok": true, "version": n}} or
 *       {@code {"ok": false, "status", "code", "message"}} with the gateway's status.
 * </ul>
 */
@Controller
class AttachmentsController {

    static final List<String> KINDS = List.of("presentation", "document", "image", "audio", "video", "other");
    static final List<String> AVAILABILITIES = List.of("available", "on_request", "pending");
    static final List<String> LOCALES = List.of("en", "ja");

    private final GatewayApi gateway;
    private final GatewayUploads uploads;

    AttachmentsController(GatewayApi gateway, GatewayUploads uploads) {
        this.gateway = gateway;
        this.uploads = uploads;
    }

    @GetMapping("/attachments")
    String list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String availability,
            @RequestParam(required = false) String cursor,
            ConsoleUser user,
            Model model) {
        StringBuilder query = new StringBuilder("/api/media/assets?limit=50");
        String chosenKind = kind != null && KINDS.contains(kind) ? kind : null;
        String chosenAvailability = availability != null && AVAILABILITIES.contains(availability) ? availability : null;
        if (chosenKind != null) {
            query.append("&kind=").append(chosenKind);
        }
        if (chosenAvailability != null) {
            query.append("&availability=").append(chosenAvailability);
        }
        if (cursor != null && !cursor.isBlank()) {
            query.append("&cursor=").append(Params.query(cursor));
        }
        JsonNode page = gateway.get(user.token(), query.toString()).body();
        List<Asset> assets = new ArrayList<>();
        page.path("items").forEach(item -> assets.add(Asset.of(item)));
        model.addAttribute("assets", assets);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("availability", chosenAvailability);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("availabilities", AVAILABILITIES);
        model.addAttribute("next", Json.text(page, "next"));
        return "media/list";
    }

    @PostMapping("/attachments")
    String create(
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(name = "title.en", defaultValue = "") String titleEn,
            @RequestParam(name = "title.ja", defaultValue = "") String titleJa,
            @RequestParam(defaultValue = "available") String availability,
            @RequestParam(name = "contact.en", defaultValue = "") String contactEn,
            @RequestParam(name = "contact.ja", defaultValue = "") String contactJa,
            @RequestParam(defaultValue = "") String expectedAt,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("title", texts(titleEn, titleJa));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", availability);
        if (availability.equals("on_request")) {
            state.put("contactText", texts(contactEn, contactJa));
        }
        if (availability.equals("pending") && !expectedAt.isBlank()) {
            state.put("expectedAt", expectedAt);
        }
        body.put("availability", state);
        JsonNode created;
        try {
            created = gateway.send(user.token(), "POST", "/api/media/assets", body, Map.of())
                    .body();
        } catch (GatewayProblem problem) {
            if (problem.is(401) || problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            return list(null, null, null, user, model);
        }
        redirect.addFlashAttribute("created", true);
        return "redirect:/attachments/" + Params.id(Json.text(created, "assetId"));
    }

    private static Map<String, Map<String, String>> texts(String en, String ja) {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        if (!en.isBlank()) {
            texts.put("en", Map.of("text", en));
        }
        if (!ja.isBlank()) {
            texts.put("ja", Map.of("text", ja));
        }
        return texts;
    }

    @GetMapping("/attachments/{assetId}")
    String asset(@PathVariable String assetId, ConsoleUser user, Model model) {
        Asset asset = Asset.of(gateway.get(user.token(), "/api/media/assets/" + Params.id(assetId))
                .body());
        model.addAttribute("asset", asset);
        model.addAttribute("locales", LOCALES);
        return "media/asset";
    }

    @PutMapping(path = "/attachments/{assetId}/variants/{locale}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> upload(
            @PathVariable String assetId,
            @PathVariable String locale,
            @RequestParam(defaultValue = "") String fileName,
            ConsoleUser user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String id = Params.id(assetId);
        String tag = Params.locale(locale);
        long length = request.getContentLengthLong();
        if (length <= 0) {
            response.setStatus(HttpServletResponse.SC_LENGTH_REQUIRED);
            return Map.of("ok", false, "status", 411, "code", "upload.length-required", "message", "Choose a file.");
        }
        String type = request.getContentType() == null ? "application/octet-stream" : request.getContentType();
        String path = "/api/media/assets/" + id + "/variants/" + tag
                + (fileName.isBlank() ? "" : "?fileName=" + Params.query(fileName));
        try {
            JsonNode stored = uploads.put(user.token(), path, type, length, request.getInputStream())
                    .body();
            return Map.of("ok", true, "version", Json.number(stored, "version", 0));
        } catch (GatewayProblem problem) {
            response.setStatus(problem.status());
            String message = problem.errors().isEmpty()
                    ? (problem.detail() == null ? problem.code() : problem.detail())
                    : problem.errors().get(0).message();
            return Map.of("ok", false, "status", problem.status(), "code", problem.code(), "message", message);
        }
    }
}
