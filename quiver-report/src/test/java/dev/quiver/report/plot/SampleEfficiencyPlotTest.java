package dev.quiver.report.plot;

import static dev.quiver.report.plot.PlotChecks.meanY;
import static dev.quiver.report.plot.PlotChecks.pixelsNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleEfficiencyPlotTest {

    @TempDir
    Path dir;

    static SampleEfficiencyPlot plot() {
        double[] x = {1e6, 5e6, 1e7, 5e7, 1e8};
        return SampleEfficiencyPlot.of(List.of(
                new SampleEfficiencyCurve("Fast", x, new double[] {0.5, 1.0, 1.4, 1.7, 1.8},
                        new double[] {0.4, 0.9, 1.3, 1.6, 1.7}, new double[] {0.6, 1.1, 1.5, 1.8, 1.9}),
                new SampleEfficiencyCurve("Slow", x, new double[] {0.1, 0.2, 0.3, 0.5, 0.7},
                        new double[] {0.05, 0.15, 0.25, 0.4, 0.6}, new double[] {0.15, 0.25, 0.35, 0.6, 0.8})))
                .withLabels("Frames", "IQM");
    }

    @Test
    void rendersBothFormatsWithTheBetterCurveHigher() throws IOException {
        SampleEfficiencyPlot p = plot();
        BufferedImage img = PlotChecks.saveBoth(p, dir, "efficiency");
        int plotRight = img.getWidth() - 140;
        double fast = meanY(pixelsNear(img, PlotStyle.COLORBLIND.get(0), 12, 0, plotRight));
        double slow = meanY(pixelsNear(img, PlotStyle.COLORBLIND.get(1), 12, 0, plotRight));
        assertTrue(fast < slow, "Fast above Slow");
        String svg = p.toSvgString();
        assertTrue(PlotChecks.texts(PlotChecks.parseSvg(svg)).containsAll(List.of("Fast", "Slow")));
        assertTrue(PlotChecks.fills(svg, PlotStyle.COLORBLIND.get(1)) >= 2, "band and markers");
    }

    @Test
    void curvesWithoutBandsWithoutMarkersAndLogX() throws IOException {
        double[] x = {1, 10, 100};
        SampleEfficiencyPlot p = SampleEfficiencyPlot.of(List.of(SampleEfficiencyCurve.of("A", x, new double[] {1, 1, 1})))
                .withMarkers(false).withLogX(true).withTitle("Flat");
        PlotChecks.saveBoth(p, dir, "flat");
        assertThrows(QuiverUserException.class,
                () -> SampleEfficiencyPlot.of(List.of(SampleEfficiencyCurve.of("A", new double[] {0, 1}, new double[] {1, 1})))
                        .withLogX(true));
    }

    @Test
    void singlePointCurve() throws IOException {
        SampleEfficiencyPlot p = SampleEfficiencyPlot.of(List.of(
                new SampleEfficiencyCurve("One", new double[] {5}, new double[] {2}, new double[] {1}, new double[] {3})));
        PlotChecks.saveBoth(p, dir, "one");
    }

    @Test
    void compactTickLabels() {
        assertEquals("20M", Charts.compact(2e7));
        assertEquals("1.5k", Charts.compact(1500.0));
        assertEquals("2.5B", Charts.compact(2.5e9));
        assertEquals("-300k", Charts.compact(-3e5));
        assertEquals("0.25", Charts.compact(0.25));
        assertEquals("0", Charts.compact(0.0));
    }
}
