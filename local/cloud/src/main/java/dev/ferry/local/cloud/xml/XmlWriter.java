package dev.ferry.local.cloud.xml;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes the small, namespace-qualified XML documents the simulated services answer with (EC2 and IAM's query
 * protocols, Route 53's REST one). {@link #toString()} refuses a document with an element still open, so that a
 * forgotten {@link #end()} shows up in the tests rather than in a client's parser.
 */
public final class XmlWriter {

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element without attributes. */
    public XmlWriter start(String element) {
        xml.append('<').append(element).append('>');
        open.push(element);
        return this;
    }

    /** Opens the document's root element in {@code namespace}, which its children inherit. */
    public XmlWriter startDocument(String element, String namespace) {
        xml.append('<').append(element).append(" xmlns=\"").append(namespace).append("\">");
        open.push(element);
        return this;
    }

    /** Closes the element opened last. */
    public XmlWriter end() {
        xml.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Closes every element still open, the root included. */
    public XmlWriter endAll() {
        while (!open.isEmpty()) {
            end();
        }
        return this;
    }

    /** An element with text; nothing when the value is null. */
    public XmlWriter element(String element, Object value) {
        if (value != null) {
            xml.append('<').append(element).append('>').append(escape(value.toString()))
                    .append("</").append(element).append('>');
        }
        return this;
    }

    /** The document; every element must have been closed. */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("Unclosed elements: " + open);
        }
        return xml.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
