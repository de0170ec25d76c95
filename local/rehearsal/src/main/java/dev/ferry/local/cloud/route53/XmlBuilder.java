package dev.ferry.local.cloud.route53;

import java.util.ArrayDeque;
import java.util.Deque;

/** Writes Route 53's small XML answers, every element in the document's namespace. */
final class XmlBuilder {

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    XmlBuilder(String rootElement, String namespace) {
        xml.append('<').append(rootElement).append(" xmlns=\"").append(namespace).append("\">");
        open.push(rootElement);
    }

    XmlBuilder start(String element) {
        xml.append('<').append(element).append('>');
        open.push(element);
        return this;
    }

    XmlBuilder end() {
        xml.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with text; nothing when the value is null. */
    XmlBuilder element(String element, Object value) {
        if (value != null) {
            xml.append('<').append(element).append('>').append(escape(value.toString())).append("</").append(element).append('>');
        }
        return this;
    }

    /** The document, with every element still open closed. */
    String build() {
        while (!open.isEmpty()) {
            end();
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
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
