package dev.quiver.report.plot;

import static dev.quiver.report.plot.PlotChecks.bounds;
import static dev.quiver.report.plot.PlotChecks.overWhite;
import static dev.quiver.report.plot.PlotChecks.pixelsNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class PerformanceProfilePlotTest {

    @TempDir
    Path dir;

    static double[] tau(int n, double step) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * step;
        }
        return t;
    }

    static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** "High" stays at 0.8 with band [0.7, 0.9]; "Low" stays at 0.2 with band [0.1, 0.3]. */
    static PerformanceProfilePlot flat() {
        int n = 21;
        double[] t = tau(n, 0.1);
        return PerformanceProfilePlot.of(List.of(
                new ProfileCurve("High", t, constant(n, 0.8), constant(n, 0.7), constant(n, 0.9)),
                new ProfileCurve("Low", t, constant(n, 0.2), constant(n, 0.1), constant(n, 0.3))));
    }

    @Test
    void linesAndBandsAreWhereTheDataSays() throws IOException {
        PerformanceProfilePlot p = flat();
        BufferedImage img = PlotChecks.saveBoth(p, dir, "profile");
        Color blue = PlotStyle.COLORBLIND.get(0);
        Color orange = PlotStyle.COLORBLIND.get(1);
        int legendStart = img.getWidth() - 150;
        int[] high = bounds(pixelsNear(img, blue, 12, 0, legendStart));
        int[] low = bounds(pixelsNear(img, orange, 12, 0, legendStart));
        int[] highBand = bounds(pixelsNear(img, overWhite(blue, p.style().bandAlpha()), 6, 0, legendStart));
        int[] lowBand = bounds(pixelsNear(img, overWhite(orange, p.style().bandAlpha()), 6, 0, legendStart));
        // lines are horizontal: thin in y, long in x
        assertTrue(high[3] - high[2] <= 6 && high[1] - high[0] > 300, Arrays.toString(high));
        assertTrue(low[3] - low[2] <= 6 && low[1] - low[0] > 300, Arrays.toString(low));
        double yHigh = (high[2] + high[3]) / 2.0;
        double yLow = (low[2] + low[3]) / 2.0;
        assertTrue(yHigh < yLow, "0.8 above 0.2");
        double unit = (yLow - yHigh) / 0.6; // pixels per unit of y
        // each band spans 0.2 around its line
        assertEquals(0.2, (highBand[3] - highBand[2] + 1) / unit, 0.03);
        assertEquals(0.2, (lowBand[3] - lowBand[2] + 1) / unit, 0.03);
        assertEquals(yHigh, (highBand[2] + highBand[3]) / 2.0, 3);
        // the legend shows both colours on the right
        assertTrue(!pixelsNear(img, blue, 12, legendStart, img.getWidth()).isEmpty());
        assertTrue(!pixelsNear(img, orange, 12, legendStart, img.getWidth()).isEmpty());
    }

    @Test
    void svgHasLegendTextAndABandAndALinePerCurve() {
        PerformanceProfilePlot p = flat().withTitle("Profiles").withLabels("Score (\u03c4)", "Fraction");
        String svg = p.toSvgString();
        Document doc = PlotChecks.parseSvg(svg);
        PlotChecks.assertTextsUntransformed(doc);
        assertTrue(PlotChecks.texts(doc).containsAll(List.of("High", "Low", "Profiles")));
        assertTrue(PlotChecks.count(doc, "path") + PlotChecks.count(doc, "polygon") + PlotChecks.count(doc, "polyline") >= 4);
        for (Color c : List.of(PlotStyle.COLORBLIND.get(0), PlotStyle.COLORBLIND.get(1))) {
            assertTrue(PlotChecks.fills(svg, c) >= 2, "band in plot and legend");
            assertTrue(PlotChecks.strokes(svg, c) >= 2, "line in plot and legend");
        }
    }

    @Test
    void logScaleNeedsPositiveTau() throws IOException {
        assertThrows(QuiverUserException.class, () -> flat().withLogX(true));
        double[] t = {0.01, 0.1, 1, 10};
        PerformanceProfilePlot p = PerformanceProfilePlot.of(List.of(ProfileCurve.of("A", t, new double[] {1, 0.9, 0.5, 0})))
                .withLogX(true);
        assertTrue(p.logX());
        PlotChecks.saveBoth(p, dir, "log");
    }

    @Test
    void equallySpacedTauGetsReadableTicks() {
        // XChart 4.0.3 would put a tick at every 5th tau; the plot must still render
        int n = 401;
        PerformanceProfilePlot p = PerformanceProfilePlot.of(List.of(ProfileCurve.of("A", tau(n, 0.02), constant(n, 0.5))));
        PlotChecks.assertNotBlank(p.toImage());
    }

    @Test
    void rejectsDuplicateNamesAndNoCurves() {
        double[] t = {0, 1};
        ProfileCurve a = ProfileCurve.of("A", t, t);
        assertThrows(IllegalArgumentException.class, () -> PerformanceProfilePlot.of(List.of(a, a)));
        assertThrows(IllegalArgumentException.class, () -> PerformanceProfilePlot.of(List.of()));
    }
}
