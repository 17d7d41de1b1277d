package dev.hashi.translation.xliff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.service.web.ApiProblem;
import dev.hashi.translation.queue.QueueFilter;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.web.LocaleParams;

@RestController
@RequestMapping("/api/translations/xliff")
class XliffController {

    static final MediaType XLIFF = MediaType.parseMediaType("application/xliff+xml");

    private final XliffExchange exchange;
    private final SupportedLocales locales;
    private final XliffSettings settings;

    XliffController(XliffExchange exchange, SupportedLocales locales, XliffSettings settings) {
        this.exchange = exchange;
        this.locales = locales;
        this.settings = settings;
    }

    /** The selected units of one locale pair as XLIFF 2.0 (untranslated, outdated, in progress and rejected by default). */
    @GetMapping
    ResponseEntity<byte[]> export(
            @RequestParam String source,
            @RequestParam String target,
            @RequestParam(required = false) String entry,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String assignee,
            Identity caller)
            throws XMLStreamException {
        QueueFilter filter = new QueueFilter(
                LocaleParams.require(locales, "target", target),
                LocaleParams.require(locales, "source", source),
                java.util.EnumSet.of(
                        UnitState.UNTRANSLATED, UnitState.OUTDATED, UnitState.IN_PROGRESS, UnitState.REJECTED),
                type,
                entry,
                assignee,
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.export(caller, filter, out);
        return ResponseEntity.ok()
                .contentType(XLIFF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"translations-" + filter.source().tag() + "-"
                                + filter.target().tag() + ".xlf\"")
                .body(out.toByteArray());
    }

    @PostMapping(consumes = {"application/xliff+xml", MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    XliffExchange.ImportReport importFile(HttpServletRequest request, Identity caller) throws IOException {
        long limit = settings.maxBytes().toBytes();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (body.length > limit) {
            throw new ApiProblem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "xliff.too-large",
                            "The file is larger than " + limit + " bytes.")
                    .with("limit", limit);
        }
        return exchange.importFile(caller, body);
    }
}
