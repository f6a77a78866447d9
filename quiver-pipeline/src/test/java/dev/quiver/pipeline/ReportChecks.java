package dev.quiver.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Strict checks of a report.html: it must parse as XML (XHTML) and every image must be an inline, well-formed SVG. */
final class ReportChecks {
    private ReportChecks() {
    }

    /** What a report holds. */
    record Report(int images, int tables, String text) {
        @Override
        public String toString() {
            return "report with " + images + " images, " + tables + " tables";
        }
    }

    static Report check(Path html) throws Exception {
        DocumentBuilder xml = parser();
        Document doc;
        try (InputStream in = Files.newInputStream(html)) {
            doc = xml.parse(in);
        }
        Element root = doc.getDocumentElement();
        assertEquals("html", root.getLocalName());
        assertEquals("http://www.w3.org/1999/xhtml", root.getNamespaceURI());
        NodeList imgs = doc.getElementsByTagNameNS("*", "img");
        NodeList figures = doc.getElementsByTagNameNS("*", "figure");
        assertEquals(figures.getLength(), imgs.getLength(), "one image per figure");
        for (int i = 0; i < imgs.getLength(); i++) {
            Element img = (Element) imgs.item(i);
            String src = img.getAttribute("src");
            String prefix = "data:image/svg+xml;base64,";
            assertTrue(src.startsWith(prefix), "image " + i + " is not an inline SVG: " + src.substring(0,
                    Math.min(40, src.length())));
            byte[] svg = Base64.getDecoder().decode(src.substring(prefix.length()));
            Document s = parser().parse(new ByteArrayInputStream(svg));
            assertEquals("svg", s.getDocumentElement().getLocalName(), "image " + i);
            assertTrue(s.getElementsByTagNameNS("*", "path").getLength() + s.getElementsByTagNameNS("*", "text")
                    .getLength() > 0, "image " + i + " draws nothing");
            assertTrue(!img.getAttribute("alt").isBlank(), "image " + i + " has no alt text");
        }
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength(), "no scripts");
        return new Report(imgs.getLength(), doc.getElementsByTagNameNS("*", "table").getLength(),
                root.getTextContent());
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return b;
    }
}
