package dev.hashi.translation.xliff;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.hashi.locale.LocaleTag;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.DomainException;
import dev.hashi.service.locale.LocaleInput;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.translation.glossary.Terminology;
import dev.hashi.translation.queue.TranslationQueue;
import dev.hashi.translation.review.Reviews;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitFilter;
import dev.hashi.translation.unit.UnitOrder;
import dev.hashi.translation.unit.Units;

/** XLIFF 2.0 export of a queue selection and import of translated files, validated unit by unit. */
@Service
@EnableConfigurationProperties(XliffSettings.class)
public class XliffExchange {

    /**
     * How one imported unit fared: {@code applied}, {@code unchanged} or {@code rejected} with the code the same
     * submission through the API would have failed with (e.g. {@code unit.source-changed}).
     */
    public record UnitResult(String unitId, String status, String code, String detail) {}

    public record ImportReport(int applied, int unchanged, int rejected, List<UnitResult> units) {}

    private final TranslationQueue queue;
    private final Units units;
    private final Reviews reviews;
    private final LocaleInput locales;
    private final XliffSettings settings;

    private final Terminology terminology;

    XliffExchange(
            TranslationQueue queue,
            Units units,
            Reviews reviews,
            LocaleInput locales,
            XliffSettings settings,
            Terminology terminology) {
        this.terminology = terminology;
        this.queue = queue;
        this.units = units;
        this.reviews = reviews;
        this.locales = locales;
        this.settings = settings;
    }

    /** An export whose units are selected (and the caller checked), written when the response body is. */
    @FunctionalInterface
    public interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Selects up to {@code max-units} units of {@code filter} (source and target locale required) in page order, to
     * be written straight to the response: the document is never buffered whole.
     */
    public Export export(CommandContext context, UnitFilter filter) {
        List<Unit> selected = queue.find(context, filter, UnitOrder.PAGE, PageRequest.first(settings.maxUnits()))
                .items();
        Map<String, List<String>> glossaryNotes = new HashMap<>();
        for (Unit unit : selected) {
            glossaryNotes.put(
                    unit.id(),
                    terminology.found(unit).stream()
                            .map(term -> term.term() + " → " + term.translation()
                                    + (term.note() == null ? "" : " (" + term.note() + ")")
                                    + (term.forbidden().isEmpty()
                                            ? ""
                                            : "; not: " + String.join(", ", term.forbidden())))
                            .toList());
        }
        return out -> {
            try {
                XliffWriter.write(
                        selected, filter.source().tag(), filter.target().tag(), glossaryNotes, out);
            } catch (XMLStreamException e) {
                throw new IOException("writing the XLIFF export failed", e);
            }
        };
    }

    /**
     * Applies every valid translated unit of the file as a submission by the caller; reports each unit.
     *
     * @throws dev.hashi.service.error.InvalidInputException naming {@code body} when the file is too large, not
     *     XLIFF 2.0 or hostile ({@code xliff.*} codes), or {@code srcLang}/{@code trgLang} when unsupported
     */
    public ImportReport importFile(CommandContext context, byte[] file) {
        Access.requireStaff(context.caller());
        if (file.length > settings.maxBytes().toBytes()) {
            throw XliffReader.tooLarge(settings.maxBytes().toBytes());
        }
        XliffReader.ReadDocument document = new XliffReader(settings).read(file);
        LocaleTag source = locales.require("srcLang", document.sourceLocale());
        LocaleTag target = locales.require("trgLang", document.targetLocale());
        List<UnitResult> results = new ArrayList<>();
        for (XliffReader.ReadUnit read : document.units()) {
            results.add(apply(context, read, source, target));
        }
        return new ImportReport(
                count(results, "applied"), count(results, "unchanged"), count(results, "rejected"), results);
    }

    private UnitResult apply(CommandContext context, XliffReader.ReadUnit read, LocaleTag source, LocaleTag target) {
        Optional<Unit> found =
                read.id() == null ? Optional.empty() : units.find(read.id()).filter(unit -> !unit.removed());
        if (found.isEmpty()) {
            return rejected(read, "unit.not-found", "There is no translation unit with this id.");
        }
        Unit unit = found.get();
        if (!unit.source().locale().equals(source.tag()) || !unit.targetLocale().equals(target.tag())) {
            return rejected(
                    read,
                    "unit.wrong-locale",
                    "The unit translates " + unit.source().locale() + " into " + unit.targetLocale() + ", the file "
                            + source.tag() + " into " + target.tag() + ".");
        }
        if (read.inlineMarkup()) {
            return rejected(read, "unit.inline-markup", "Inline XLIFF elements in targets are not supported.");
        }
        if (read.target() == null || read.target().isBlank()) {
            return rejected(read, "unit.no-target", "The unit has no target text.");
        }
        if (read.sourceHash() == null) {
            return rejected(read, "unit.source-hash-missing", "The unit lacks its hashi:source-hash note.");
        }
        try {
            Reviews.Submission submission = reviews.submit(context, unit.id(), read.target(), read.sourceHash());
            return new UnitResult(unit.id(), submission.changed() ? "applied" : "unchanged", null, null);
        } catch (DomainException refused) {
            return rejected(read, refused.code(), refused.getMessage());
        }
    }

    private static UnitResult rejected(XliffReader.ReadUnit read, String code, String detail) {
        return new UnitResult(read.id(), "rejected", code, detail);
    }

    private static int count(List<UnitResult> results, String status) {
        return (int) results.stream()
                .filter(result -> result.status().equals(status))
                .count();
    }
}
