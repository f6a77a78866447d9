package dev.quiver.report.plot;

import static dev.quiver.report.plot.PlotChecks.bounds;
import static dev.quiver.report.plot.PlotChecks.overWhite;
import static dev.quiver.report.plot.PlotChecks.pixelsNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbabilityOfImprovementPlotTest {

    @TempDir
    Path dir;

    static Estimate est(double point, double low, double high) {
        return new Estimate(point, low, high, 0.95, "percentile bootstrap");
    }

    static ProbabilityOfImprovementPlot plot() {
        return ProbabilityOfImprovementPlot.of(List.of(
                ImprovementPair.ofLabel("New vs Old", est(0.3, 0.2, 0.4)),
                new ImprovementPair("New", "Older", est(0.75, 0.6, 0.9))))
                .withStyle(PlotStyle.defaults().withSize(700, 300));
    }

    @Test
    void barsSitOnTheUnitIntervalInTheirRows() throws IOException {
        ProbabilityOfImprovementPlot p = plot();
        BufferedImage img = PlotChecks.saveBoth(p, dir, "poi");
        // every X is "New": rows take the colours of Old and Older, the first two palette colours
        assertEquals(List.of(PlotStyle.COLORBLIND.get(0), PlotStyle.COLORBLIND.get(1)), p.rowColors());
        int[] first = bounds(pixelsNear(img, overWhite(PlotStyle.COLORBLIND.get(0), p.style().barAlpha()), 8));
        int[] second = bounds(pixelsNear(img, overWhite(PlotStyle.COLORBLIND.get(1), p.style().barAlpha()), 8));
        assertTrue(first[3] < second[2], "first pair above the second");
        // pixels per unit from the two bars' ends: [0.2, 0.4] and [0.6, 0.9]
        double unit = (second[1] - first[0]) / 0.7;
        assertEquals(0.2, (first[1] - first[0] + 1) / unit, 0.03);
        assertEquals(0.3, (second[1] - second[0] + 1) / unit, 0.03);
        double zero = first[0] - 0.2 * unit;
        assertTrue(zero > 0 && zero + unit < img.getWidth(), "the unit interval fits");
        // the dashed reference line at 0.5, between the bars
        int x = (int) Math.round(zero + 0.5 * unit);
        int dark = 0;
        for (int y = first[2]; y <= second[3]; y++) {
            for (int dx = -1; dx <= 1; dx++) {
                int rgb = img.getRGB(x + dx, y);
                dark += ((rgb >> 16) & 0xFF) < 200 && ((rgb >> 8) & 0xFF) < 200 && (rgb & 0xFF) < 200 ? 1 : 0;
            }
        }
        assertTrue(dark > 10, "reference line at 0.5: " + dark);
    }

    @Test
    void svgNamesBothSidesAndHasTheReferenceLine() {
        String svg = plot().withTitle("P(improvement)").toSvgString();
        PlotChecks.assertTextsUntransformed(PlotChecks.parseSvg(svg));
        List<String> texts = PlotChecks.texts(PlotChecks.parseSvg(svg));
        assertTrue(texts.containsAll(List.of("New", "Old", "Older", "Algorithm X", "Algorithm Y", "P(X > Y)",
                "P(improvement)")), texts.toString());
        assertTrue(svg.contains("stroke-dasharray"), "dashed reference line");
        assertEquals(1, PlotChecks.fills(svg, PlotStyle.COLORBLIND.get(0)));
        assertEquals(1, PlotChecks.fills(svg, PlotStyle.COLORBLIND.get(1)));
        assertTrue(svg.contains("New vs Older: 0.7500 [0.6000, 0.9000]"));
    }

    @Test
    void rowsTakeTheXColourWhenXVaries() {
        ProbabilityOfImprovementPlot p = ProbabilityOfImprovementPlot.of(List.of(
                new ImprovementPair("A", "C", est(0.6, 0.5, 0.7)), new ImprovementPair("B", "C", est(0.6, 0.5, 0.7))))
                .withStyle(PlotStyle.defaults().withAlgorithmOrder(List.of("C", "B", "A")));
        assertEquals(List.of(PlotStyle.COLORBLIND.get(2), PlotStyle.COLORBLIND.get(1)), p.rowColors());
    }

    @Test
    void optionsAndValidation() throws IOException {
        ProbabilityOfImprovementPlot p = plot().withXRange(0.1, 0.95).withReference(Double.NaN)
                .withHeadings("Ours", "Baseline").withXLabel("");
        String svg = p.toSvgString();
        assertTrue(!svg.contains("stroke-dasharray"), "no reference line");
        assertTrue(PlotChecks.texts(PlotChecks.parseSvg(svg)).containsAll(List.of("Ours", "Baseline")));
        PlotChecks.saveBoth(p, dir, "options");
        assertThrows(IllegalArgumentException.class, () -> ProbabilityOfImprovementPlot.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> plot().withXRange(1, 1));
        assertThrows(QuiverUserException.class, () -> plot().save(dir.resolve("poi.pdf")));
    }

    @Test
    void pairLabels() {
        ImprovementPair p = ImprovementPair.ofLabel("M-IQN vs DQN (Nature)", est(0.9, 0.8, 0.95));
        assertEquals("M-IQN", p.algorithmX());
        assertEquals("DQN (Nature)", p.algorithmY());
        assertEquals("M-IQN vs DQN (Nature)", p.label());
        assertThrows(IllegalArgumentException.class, () -> ImprovementPair.ofLabel("M-IQN, DQN", est(0.9, 0.8, 0.95)));
    }
}
