package dev.ferry.local.cloud.route53;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the XML body of ChangeResourceRecordSets: the batch's comment and its changes. */
final class ChangeBatchParser {

    private ChangeBatchParser() {
    }

    /** A parsed change batch. */
    record ChangeBatch(String comment, List<Change> changes) {
    }

    static ChangeBatch parse(byte[] body) {
        Element root = document(body).getDocumentElement();
        Element batch = child(root, "ChangeBatch");
        if (batch == null) {
            throw Route53Exception.invalidInput("Invalid request: the body has no ChangeBatch");
        }
        List<Change> changes = new ArrayList<>();
        Element list = child(batch, "Changes");
        for (Element change : list == null ? List.<Element>of() : children(list, "Change")) {
            changes.add(change(change));
        }
        return new ChangeBatch(text(batch, "Comment", ""), changes);
    }

    private static Change change(Element change) {
        String action = text(change, "Action", "");
        Change.Action parsed;
        try {
            parsed = Change.Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Route53Exception.invalidInput("Invalid request: Action must be CREATE, DELETE or UPSERT, got '" + action + "'");
        }
        Element set = child(change, "ResourceRecordSet");
        if (set == null) {
            throw Route53Exception.invalidInput("Invalid request: a Change has no ResourceRecordSet");
        }
        List<String> values = new ArrayList<>();
        Element records = child(set, "ResourceRecords");
        if (records != null) {
            for (Element record : children(records, "ResourceRecord")) {
                values.add(text(record, "Value", ""));
            }
        }
        Element alias = child(set, "AliasTarget");
        AliasTarget target = alias == null ? null : new AliasTarget(text(alias, "HostedZoneId", ""),
                text(alias, "DNSName", ""), Boolean.parseBoolean(text(alias, "EvaluateTargetHealth", "false")));
        return new Change(parsed, new RecordSet(required(set, "Name"), required(set, "Type"),
                text(set, "SetIdentifier", null), number(set, "Weight"), number(set, "TTL"), values, target,
                text(set, "HealthCheckId", null)));
    }

    private static Document document(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Never resolve what a request declares: no DTD, no external entity.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw Route53Exception.invalidInput("Invalid request: the body is not XML: " + e.getMessage());
        }
    }

    private static String required(Element parent, String name) {
        String value = text(parent, name, null);
        if (value == null || value.isBlank()) {
            throw Route53Exception.invalidInput("Invalid request: Missing field '" + name + "' in a ResourceRecordSet");
        }
        return value;
    }

    private static Long number(Element parent, String name) {
        String value = text(parent, name, null);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw Route53Exception.invalidInput("Invalid request: " + name + " must be a whole number, got '" + value + "'");
        }
    }

    private static String text(Element parent, String name, String absent) {
        Element element = child(parent, name);
        return element == null ? absent : element.getTextContent();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
