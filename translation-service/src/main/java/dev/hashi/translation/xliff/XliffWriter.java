package dev.hashi.translation.xliff;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitState;

/**
 * Writes units as an XLIFF 2.0 document: one {@code <file>} per entry (its {@code original} is the entry id), one
 * {@code <unit>} per translation unit with the unit id, notes giving the context, and one segment.
 */
final class XliffWriter {

    static final String NS = "urn:oasis:names:tc:xliff:document:2.0";
    static final String SOURCE_HASH = "hashi:source-hash";

    private XliffWriter() {}

    /** @param glossaryNotes per unit id, the glossary terms its source contains, each written as a note */
    static void write(
            List<Unit> units,
            String sourceLocale,
            String targetLocale,
            Map<String, List<String>> glossaryNotes,
            OutputStream out)
            throws XMLStreamException {
        Map<String, List<Unit>> byEntry = new LinkedHashMap<>();
        units.forEach(unit -> byEntry.computeIfAbsent(unit.entryId(), k -> new java.util.ArrayList<>())
                .add(unit));
        XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(NS);
        xml.writeStartElement(NS, "xliff");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("version", "2.0");
        xml.writeAttribute("srcLang", sourceLocale);
        xml.writeAttribute("trgLang", targetLocale);
        int file = 0;
        for (Map.Entry<String, List<Unit>> entry : byEntry.entrySet()) {
            Unit first = entry.getValue().get(0);
            xml.writeStartElement(NS, "file");
            xml.writeAttribute("id", "f" + (++file));
            xml.writeAttribute("original", entry.getKey());
            xml.writeStartElement(NS, "notes");
            note(xml, "hashi:content-type", first.type());
            note(xml, "hashi:title-" + sourceLocale, first.titles().get(sourceLocale));
            note(xml, "hashi:title-" + targetLocale, first.titles().get(targetLocale));
            xml.writeEndElement();
            for (Unit unit : entry.getValue()) {
                unit(xml, unit, glossaryNotes.getOrDefault(unit.id(), List.of()));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }

    private static void unit(XMLStreamWriter xml, Unit unit, List<String> glossary) throws XMLStreamException {
        xml.writeStartElement(NS, "unit");
        xml.writeAttribute("id", unit.id());
        xml.writeAttribute("name", unit.path());
        xml.writeStartElement(NS, "notes");
        note(xml, SOURCE_HASH, unit.source().hash());
        note(xml, "hashi:path", unit.path());
        note(xml, "hashi:state", unit.state().wireName());
        note(xml, "hashi:size", unit.source().size() + " " + unit.source().sizeUnit());
        if (unit.outdated() != null) {
            note(xml, "hashi:previous-source", unit.outdated().oldText());
        }
        if (unit.work().comment() != null) {
            note(xml, "hashi:review-comment", unit.work().comment());
        }
        for (String term : glossary) {
            note(xml, "hashi:glossary", term);
        }
        xml.writeEndElement();
        xml.writeStartElement(NS, "segment");
        xml.writeAttribute("state", segmentState(unit.state()));
        xml.writeStartElement(NS, "source");
        xml.writeCharacters(unit.source().text());
        xml.writeEndElement();
        String target = unit.work().draft() != null
                ? unit.work().draft()
                : unit.target() == null ? null : unit.target().text();
        if (target != null) {
            xml.writeStartElement(NS, "target");
            xml.writeCharacters(target);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void note(XMLStreamWriter xml, String category, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        xml.writeStartElement(NS, "note");
        xml.writeAttribute("category", category);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String segmentState(UnitState state) {
        return switch (state) {
            case UNTRANSLATED, IN_PROGRESS, OUTDATED, REJECTED -> "initial";
            case TRANSLATED -> "translated";
            case APPROVED, SOURCE_ONLY -> "final";
        };
    }
}
