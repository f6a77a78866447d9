package dev.quiver.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Helpers shared by the plot tests: decoding, colour search, SVG parsing. */
final class PlotChecks {

    private PlotChecks() {}

    /** Saves {@code plot} as PNG and SVG in {@code dir}, checks both and that no temp file is left; returns the image. */
    static BufferedImage saveBoth(Plot plot, Path dir, String stem) throws IOException {
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        plot.save(png);
        plot.save(svg);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(plot.width(), img.getWidth());
        assertEquals(plot.height(), img.getHeight());
        assertNotBlank(img);
        Document doc = parseSvg(Files.readString(svg, StandardCharsets.UTF_8));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(stem) || n.startsWith("."))
                    .sorted().toList();
            assertEquals(List.of(stem + ".png", stem + ".svg"), names, "temp files left behind");
        }
        return img;
    }

    static void assertNotBlank(BufferedImage img) {
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colors.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colors.size() > 20, "image looks blank: " + colors.size() + " colours");
    }

    /** {@code c} drawn with opacity {@code alpha} over white. */
    static Color overWhite(Color c, double alpha) {
        return new Color(blend(c.getRed(), alpha), blend(c.getGreen(), alpha), blend(c.getBlue(), alpha));
    }

    private static int blend(int v, double alpha) {
        return (int) Math.round(255 - alpha * (255 - v));
    }

    /** The pixels within {@code tol} (per channel) of {@code c}, as {x, y} pairs, inside [x0, x1) x [0, height). */
    static List<int[]> pixelsNear(BufferedImage img, Color c, int tol, int x0, int x1) {
        List<int[]> out = new ArrayList<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - c.getRed()) <= tol && Math.abs(((rgb >> 8) & 0xFF) - c.getGreen()) <= tol
                        && Math.abs((rgb & 0xFF) - c.getBlue()) <= tol) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out;
    }

    static List<int[]> pixelsNear(BufferedImage img, Color c, int tol) {
        return pixelsNear(img, c, tol, 0, img.getWidth());
    }

    /** {minX, maxX, minY, maxY} of the pixels. */
    static int[] bounds(List<int[]> pixels) {
        assertFalse(pixels.isEmpty(), "no pixel of the expected colour");
        int[] b = {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (int[] p : pixels) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.max(b[1], p[0]);
            b[2] = Math.min(b[2], p[1]);
            b[3] = Math.max(b[3], p[1]);
        }
        return b;
    }

    static double meanY(List<int[]> pixels) {
        assertFalse(pixels.isEmpty(), "no pixel of the expected colour");
        return pixels.stream().mapToInt(p -> p[1]).average().orElseThrow();
    }

    /** Parses SVG text, refusing any DOCTYPE (our SVG has none, so no DTD is ever fetched). */
    static Document parseSvg(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("SVG does not parse: " + e, e);
        }
    }

    /** The text content of every {@code <text>} element. */
    static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    /**
     * Asserts that no {@code <text>} sits inside a transformed group: all our text is drawn untransformed,
     * so a transform there means a chart's translation leaked (a VectorGraphics2D pitfall).
     */
    static void assertTextsUntransformed(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        assertTrue(nodes.getLength() > 0, "no text");
        for (int i = 0; i < nodes.getLength(); i++) {
            for (org.w3c.dom.Node n = nodes.item(i).getParentNode(); n instanceof org.w3c.dom.Element e; n = n.getParentNode()) {
                assertFalse(e.hasAttribute("transform") && !e.getAttribute("transform").isBlank(),
                        "text '" + nodes.item(i).getTextContent() + "' is inside transform " + e.getAttribute("transform"));
            }
        }
    }

    static int count(Document doc, String element) {
        return doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", element).getLength();
    }

    /** How many times the SVG fills with colour {@code c} (any opacity). */
    static int fills(String svg, Color c) {
        String needle = "fill:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
        int n = 0;
        for (int i = svg.indexOf(needle); i >= 0; i = svg.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** How many times the SVG strokes with colour {@code c}. */
    static int strokes(String svg, Color c) {
        String needle = "stroke:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
        int n = 0;
        for (int i = svg.indexOf(needle); i >= 0; i = svg.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
