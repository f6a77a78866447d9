package dev.quiver.report.plot;

import static dev.quiver.report.plot.PlotChecks.bounds;
import static dev.quiver.report.plot.PlotChecks.overWhite;
import static dev.quiver.report.plot.PlotChecks.pixelsNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class IntervalEstimatesPlotTest {

    @TempDir
    Path dir;

    static Estimate est(double point, double low, double high) {
        return new Estimate(point, low, high, 0.95, "percentile bootstrap");
    }

    /** Two metrics, three algorithms; intervals in panel 0 go up with the row, in panel 1 down. */
    static IntervalEstimatesPlot plot() {
        Map<String, Map<String, Estimate>> m = new LinkedHashMap<>();
        Map<String, Estimate> iqm = new LinkedHashMap<>();
        iqm.put("Alpha", est(0.2, 0.1, 0.3));
        iqm.put("Beta", est(0.5, 0.4, 0.6));
        iqm.put("Gamma", est(0.8, 0.7, 0.9));
        Map<String, Estimate> gap = new LinkedHashMap<>();
        gap.put("Alpha", est(0.8, 0.7, 0.9));
        gap.put("Beta", est(0.5, 0.4, 0.6));
        gap.put("Gamma", est(0.2, 0.1, 0.3));
        m.put("IQM", iqm);
        m.put("Optimality Gap", gap);
        return IntervalEstimatesPlot.of(m).withXRange("IQM", 0, 1).withXRange("Optimality Gap", 0, 1)
                .withStyle(PlotStyle.defaults().withSize(900, 360)).withXLabel("Human normalized score");
    }

    @Test
    void pngHasEachBarInItsRowAtItsInterval() throws IOException {
        IntervalEstimatesPlot p = plot();
        BufferedImage img = PlotChecks.saveBoth(p, dir, "intervals");
        double alpha = p.style().barAlpha();
        int half = img.getWidth() / 2;
        int[][] left = new int[3][];
        int[][] right = new int[3][];
        for (int a = 0; a < 3; a++) {
            Color c = overWhite(PlotStyle.COLORBLIND.get(a), alpha);
            left[a] = bounds(pixelsNear(img, c, 8, 0, half));
            right[a] = bounds(pixelsNear(img, c, 8, half, img.getWidth()));
        }
        // rows: Alpha on top, Gamma at the bottom, the same rows in both panels
        for (int[][] panel : new int[][][] {left, right}) {
            assertTrue(panel[0][3] < panel[1][2] && panel[1][3] < panel[2][2], "rows out of order or overlapping");
        }
        for (int a = 0; a < 3; a++) {
            assertEquals((left[a][2] + left[a][3]) / 2.0, (right[a][2] + right[a][3]) / 2.0, 2, "row of algorithm " + a);
        }
        // columns: with x range [0, 1], centres at 0.2, 0.5, 0.8 and widths 0.2
        for (int[][] panel : new int[][][] {left, right}) {
            double[] centre = new double[3];
            for (int a = 0; a < 3; a++) {
                centre[a] = (panel[a][0] + panel[a][1]) / 2.0;
            }
            boolean up = panel == left;
            double lo = up ? centre[0] : centre[2];
            double hi = up ? centre[2] : centre[0];
            double unit = (hi - lo) / 0.6; // pixels per x unit
            assertTrue(unit > 100, "panel too narrow: " + unit);
            assertEquals(0.5, (centre[1] - lo) / (hi - lo), 0.03, "Beta's bar centre");
            for (int a = 0; a < 3; a++) {
                assertEquals(0.2, (panel[a][1] - panel[a][0] + 1) / unit, 0.03, "bar width of algorithm " + a);
            }
        }
        // the dark point tick crosses Beta's bar in its middle
        int y = (left[1][2] + left[1][3]) / 2;
        int mid = (left[1][0] + left[1][1]) / 2;
        boolean dark = false;
        for (int x = mid - 3; x <= mid + 3; x++) {
            int rgb = img.getRGB(x, y);
            dark |= ((rgb >> 16) & 0xFF) < 100 && ((rgb >> 8) & 0xFF) < 100 && (rgb & 0xFF) < 100;
        }
        assertTrue(dark, "no point tick at the middle of Beta's bar");
    }

    @Test
    void svgHasNamesAsTextAndABarPerAlgorithmAndMetric() {
        IntervalEstimatesPlot p = plot();
        String svg = p.toSvgString();
        assertTrue(svg.startsWith("<?xml"));
        assertFalse(svg.contains("<!DOCTYPE"));
        Document doc = PlotChecks.parseSvg(svg);
        PlotChecks.assertTextsUntransformed(doc);
        List<String> texts = PlotChecks.texts(doc);
        assertTrue(texts.containsAll(List.of("Alpha", "Beta", "Gamma", "IQM", "Optimality Gap", "Human normalized score")),
                texts.toString());
        assertTrue(PlotChecks.count(doc, "path") >= 12, "bars and ticks");
        for (int a = 0; a < 3; a++) {
            assertEquals(2, PlotChecks.fills(svg, PlotStyle.COLORBLIND.get(a)), "one bar per metric for algorithm " + a);
        }
        String title = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent();
        assertTrue(title.contains("IQM: Alpha 0.2000 [0.1000, 0.3000]"), title);
    }

    @Test
    void pngBytesDecodeToTheRequestedSize() throws IOException {
        IntervalEstimatesPlot p = plot().withStyle(PlotStyle.defaults().withSize(640, 300)).withTitle("Aggregates");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.toPngBytes()));
        assertEquals(640, img.getWidth());
        assertEquals(300, img.getHeight());
        PlotChecks.assertNotBlank(img);
    }

    @Test
    void badExtensionIsAUserErrorAndWritesNothing() throws IOException {
        Path out = dir.resolve("plot.jpg");
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> plot().save(out));
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(".png") && e.getMessage().contains(".svg"), e.getMessage());
        assertThrows(QuiverUserException.class, () -> plot().save(dir.resolve("plot")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void saveReplacesAnExistingFileCreatesParentsAndAcceptsUpperCase() throws IOException {
        Path out = dir.resolve("sub/dir/PLOT.PNG");
        plot().save(out);
        long first = Files.size(out);
        plot().withTitle("Again").save(out);
        assertTrue(Files.size(out) > 0);
        assertTrue(first > 0);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of("PLOT.PNG"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertThrows(QuiverUserException.class, () -> plot().save(dir.resolve("sub")), "a directory");
    }

    @Test
    void missingAndNanEstimatesAndOddNamesStillRender() throws IOException {
        Map<String, Map<String, Estimate>> m = new LinkedHashMap<>();
        m.put("Median", Map.of("A & <B>", est(1, 0.5, 1.5)));
        Map<String, Estimate> mean = new LinkedHashMap<>();
        mean.put("A & <B>", est(Double.NaN, Double.NaN, Double.NaN));
        mean.put("C \"quoted\"", est(2, 2, 2));
        m.put("Mean", mean);
        IntervalEstimatesPlot p = IntervalEstimatesPlot.of(m);
        assertEquals(List.of("A & <B>", "C \"quoted\""), p.algorithms());
        PlotChecks.saveBoth(p, dir, "odd");
        List<String> texts = PlotChecks.texts(PlotChecks.parseSvg(p.toSvgString()));
        assertTrue(texts.containsAll(List.of("A & <B>", "C \"quoted\"")), texts.toString());
    }

    @Test
    void colorsFollowTheGivenAlgorithmOrder() {
        IntervalEstimatesPlot p = plot().withStyle(PlotStyle.defaults().withAlgorithmOrder(List.of("Gamma", "Beta", "Alpha")));
        String svg = p.toSvgString();
        Color gammaColor = PlotStyle.COLORBLIND.get(0);
        assertEquals(2, PlotChecks.fills(svg, gammaColor));
        BufferedImage img = p.toImage();
        // Gamma (bottom row) is now blue
        double alpha = p.style().barAlpha();
        int[] blue = bounds(pixelsNear(img, overWhite(gammaColor, alpha), 8));
        int[] orange = bounds(pixelsNear(img, overWhite(PlotStyle.COLORBLIND.get(1), alpha), 8));
        assertTrue(blue[2] > orange[3], "Gamma's bar below Beta's");
    }

    @Test
    void paintLeavesTheCallersGraphicsStateAlone() {
        IntervalEstimatesPlot p = plot();
        BufferedImage img = new BufferedImage(p.width() + 20, p.height() + 20, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.translate(10, 10);
        g.setColor(Color.RED);
        java.awt.geom.AffineTransform before = g.getTransform();
        java.awt.Font font = g.getFont();
        java.awt.Stroke stroke = g.getStroke();
        p.paint(g);
        assertEquals(before, g.getTransform());
        assertEquals(Color.RED, g.getColor());
        assertEquals(font, g.getFont());
        assertEquals(stroke, g.getStroke());
        assertEquals(null, g.getClip());
        g.dispose();
    }

    @Test
    void rejectsEmptyInputAndUnknownMetric() {
        assertThrows(IllegalArgumentException.class, () -> IntervalEstimatesPlot.of(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> IntervalEstimatesPlot.of(Map.of("IQM", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> plot().withXRange("Nope", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> plot().withXRange("IQM", 1, 0));
    }

    @Test
    void tooSmallAnImageIsRefusedWithAMessage() {
        IntervalEstimatesPlot p = plot().withStyle(PlotStyle.defaults().withSize(100, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::toImage);
        assertTrue(e.getMessage().contains("withSize"), e.getMessage());
    }
}
