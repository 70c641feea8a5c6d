package org.newspipeline.query.alert;

import org.newspipeline.query.search.ArticleRow;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A saved search's digest as an Atom feed (RFC 4287), for feed readers. */
final class AtomFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String of(SavedSearches.Row search, String selfUrl, List<ArticleRow> items) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", "urn:uuid:" + search.id());
            element(xml, "title", search.name());
            element(xml, "updated", items.isEmpty() || items.get(0).receivedAt() == null ? Instant.now().toString() : items.get(0).receivedAt());
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("href", selfUrl);
            xml.writeStartElement("author");
            element(xml, "name", "news-pipeline");
            xml.writeEndElement();
            for (ArticleRow a : items) {
                xml.writeStartElement("entry");
                element(xml, "id", "tag:news-pipeline,2026:article/" + URLEncoder.encode(a.id(), StandardCharsets.UTF_8));
                element(xml, "title", a.title() == null || a.title().isBlank() ? "(untitled)" : a.title());
                element(xml, "updated", a.receivedAt() == null ? Instant.now().toString() : a.receivedAt());
                if (a.publishedAt() != null) {
                    element(xml, "published", a.publishedAt());
                }
                if (a.url() != null && a.url().toLowerCase(Locale.ROOT).matches("https?://.*")) {
                    xml.writeEmptyElement("link");
                    xml.writeAttribute("href", xmlText(a.url()));
                }
                if (a.source() != null) {
                    xml.writeStartElement("author");
                    element(xml, "name", a.source());
                    xml.writeEndElement();
                }
                for (ArticleRow.Entity e : a.entities()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", xmlText(e.name()));
                    xml.writeAttribute("label", xmlText(e.type()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /** Text without the characters XML 1.0 cannot carry (escaping is the writer's). */
    static String xmlText(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
