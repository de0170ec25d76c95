package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.xml.XmlWriter;

import java.util.Map;
import java.util.UUID;

/** The parts every EC2 answer shares: the response element in EC2's namespace, request IDs, tag sets, errors. */
final class Ec2Xml {

    static final String API_VERSION = "2016-11-15";
    private static final String NAMESPACE = "http://ec2.amazonaws.com/doc/" + API_VERSION + "/";

    private Ec2Xml() {
    }

    /** {@code <ActionResponse xmlns=...><requestId>}, left open for the action's fields. */
    static XmlWriter response(Ec2Request request) {
        return new XmlWriter().startDocument(request.action() + "Response", NAMESPACE).element("requestId", UUID.randomUUID());
    }

    /** A {@code tagSet}, written even when empty as EC2 does. */
    static void tags(XmlWriter xml, Map<String, String> tags) {
        xml.start("tagSet");
        tags.forEach((key, value) -> xml.start("item").element("key", key).element("value", value).end());
        xml.end();
    }

    /** EC2's error document: {@code <Response><Errors><Error><Code>...}. */
    static String error(Ec2Exception e) {
        return new XmlWriter().start("Response").start("Errors").start("Error")
                .element("Code", e.code()).element("Message", e.getMessage())
                .end().end().element("RequestID", UUID.randomUUID()).end().toString();
    }
}
