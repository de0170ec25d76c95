package dev.ferry.local.cloud.xml;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlWriterTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    @Test
    void theRootElementCarriesTheNamespaceAndTextIsEscaped() {
        String xml = new XmlWriter().startDocument("GetChangeResponse", "https://route53.amazonaws.com/doc/2013-04-01/")
                .element("Comment", "<a & 'b' \"c\">").end().toString();

        assertThat(xml).isEqualTo(DECLARATION
                + "<GetChangeResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<Comment>&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;</Comment></GetChangeResponse>");
    }

    @Test
    void anElementWithoutValueIsLeftOut() {
        String xml = new XmlWriter().start("Error").element("Message", null).end().toString();

        assertThat(xml).isEqualTo(DECLARATION + "<Error></Error>");
    }

    @Test
    void endAllClosesEveryOpenElementInnermostFirst() {
        String xml = new XmlWriter().start("Outer").start("Inner").endAll().toString();

        assertThat(xml).isEqualTo(DECLARATION + "<Outer><Inner></Inner></Outer>");
    }

    @Test
    void aDocumentWithAnElementStillOpenIsRefused() {
        XmlWriter writer = new XmlWriter().start("Outer").start("Inner").end();

        assertThatThrownBy(writer::toString).isInstanceOf(IllegalStateException.class).hasMessageContaining("Outer");
    }
}
