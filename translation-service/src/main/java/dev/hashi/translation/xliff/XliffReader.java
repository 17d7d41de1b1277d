package dev.hashi.translation.xliff;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.hashi.service.error.InvalidInputException;

/**
 * Reads translated units from an XLIFF 2.0 document with a hardened StAX parser: no DTD (a DOCTYPE is refused
 * outright, so no entity of any kind is expanded), no external entities, bounded nesting, unit count and text
 * length. Every refusal is {@code request.invalid} with one field error on {@code body} whose code says why
 * ({@code xliff.invalid}, {@code xliff.doctype-refused}, {@code xliff.entity-refused}, {@code xliff.too-large},
 * {@code xliff.too-many-units}, {@code xliff.text-too-long}).
 */
final class XliffReader {

    /** One unit as read: its id, the source hash note, and the target text ({@code null} if none). */
    record ReadUnit(String id, String sourceHash, String target, boolean inlineMarkup) {}

    /** The document's locales and units. */
    record ReadDocument(String sourceLocale, String targetLocale, List<ReadUnit> units) {}

    private final XliffSettings limits;

    XliffReader(XliffSettings limits) {
        this.limits = limits;
    }

    ReadDocument read(byte[] bytes) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                return document(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw invalid("The file is not well-formed XML: " + e.getMessage());
        }
    }

    private ReadDocument document(XMLStreamReader xml) throws XMLStreamException {
        String sourceLocale = null;
        String targetLocale = null;
        List<ReadUnit> units = new ArrayList<>();
        int depth = 0;
        String unitId = null;
        String hash = null;
        StringBuilder text = null;
        String noteCategory = null;
        boolean inTarget = false;
        boolean markup = false;
        boolean sawTarget = false;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD ->
                    throw refused("xliff.doctype-refused", "Documents with a DOCTYPE are refused.", null);
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw refused("xliff.entity-refused", "Entity references are refused.", xml.getLocalName());
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > limits.maxDepth()) {
                        throw invalid("Elements are nested deeper than " + limits.maxDepth() + ".");
                    }
                    String name = xml.getLocalName();
                    boolean xliffElement = XliffWriter.NS.equals(xml.getNamespaceURI());
                    if (depth == 1) {
                        if (!xliffElement
                                || !"xliff".equals(name)
                                || !"2.0".equals(xml.getAttributeValue(null, "version"))) {
                            throw invalid("The root element is not an XLIFF 2.0 <xliff>.");
                        }
                        sourceLocale = xml.getAttributeValue(null, "srcLang");
                        targetLocale = xml.getAttributeValue(null, "trgLang");
                    } else if (inTarget) {
                        markup = true;
                    } else if (xliffElement && "unit".equals(name)) {
                        if (units.size() >= limits.maxUnits()) {
                            throw refused(
                                    "xliff.too-many-units",
                                    "A file may hold at most " + limits.maxUnits() + " units.",
                                    null);
                        }
                        unitId = xml.getAttributeValue(null, "id");
                        hash = null;
                        text = null;
                        markup = false;
                        sawTarget = false;
                    } else if (xliffElement && "note".equals(name)) {
                        noteCategory = xml.getAttributeValue(null, "category");
                        text = new StringBuilder();
                    } else if (xliffElement && "target".equals(name) && unitId != null) {
                        inTarget = true;
                        if (!sawTarget) {
                            text = new StringBuilder();
                            sawTarget = true;
                        }
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text != null && (inTarget || noteCategory != null)) {
                        if (text.length() + xml.getTextLength() > limits.maxTextLength()) {
                            throw refused(
                                    "xliff.text-too-long",
                                    "A text is longer than " + limits.maxTextLength() + " characters.",
                                    unitId);
                        }
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    String name = xml.getLocalName();
                    if ("note".equals(name) && noteCategory != null) {
                        if (XliffWriter.SOURCE_HASH.equals(noteCategory) && unitId != null) {
                            hash = text.toString().trim();
                        }
                        noteCategory = null;
                        text = sawTarget ? text : null;
                    } else if ("target".equals(name) && inTarget) {
                        inTarget = false;
                    } else if ("unit".equals(name) && unitId != null) {
                        units.add(new ReadUnit(unitId, hash, sawTarget ? text.toString() : null, markup));
                        unitId = null;
                        text = null;
                    }
                }
                default -> {}
            }
        }
        if (sourceLocale == null || targetLocale == null) {
            throw invalid("The <xliff> element needs srcLang and trgLang.");
        }
        return new ReadDocument(sourceLocale, targetLocale, units);
    }

    /** {@code xliff.too-large}: the file has more than {@code limit} bytes. */
    static InvalidInputException tooLarge(long limit) {
        return refused("xliff.too-large", "The file is larger than " + limit + " bytes.", null);
    }

    private static InvalidInputException invalid(String detail) {
        return refused("xliff.invalid", detail, null);
    }

    private static InvalidInputException refused(String code, String detail, Object value) {
        return InvalidInputException.field("body", code, detail, value);
    }
}
