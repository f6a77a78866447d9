package dev.quiver.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlotStyleTest {

    static final List<Color> P = PlotStyle.COLORBLIND;

    @Test
    void colorsInAppearanceOrderByDefault() {
        Map<String, Color> c = PlotStyle.defaults().colors(List.of("b", "a", "c"));
        assertEquals(List.of("b", "a", "c"), List.copyOf(c.keySet()));
        assertEquals(List.of(P.get(0), P.get(1), P.get(2)), List.copyOf(c.values()));
    }

    @Test
    void givenOrderFixesColoursAcrossPlots() {
        PlotStyle s = PlotStyle.defaults().withAlgorithmOrder(List.of("DQN", "C51", "IQN"));
        assertEquals(P.get(2), s.colors(List.of("IQN")).get("IQN"));
        assertEquals(P.get(2), s.colors(List.of("C51", "IQN", "DQN")).get("IQN"));
        // a name not in the order takes the next free slot
        Map<String, Color> c = s.colors(List.of("New", "IQN", "Other"));
        assertEquals(P.get(3), c.get("New"));
        assertEquals(P.get(4), c.get("Other"));
    }

    @Test
    void paletteWrapsAround() {
        PlotStyle s = PlotStyle.defaults().withPalette(List.of(Color.RED, Color.BLUE));
        Map<String, Color> c = s.colors(List.of("a", "b", "c"));
        assertEquals(Color.RED, c.get("c"));
    }

    @Test
    void validation() {
        PlotStyle d = PlotStyle.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withSize(50, 400));
        assertThrows(IllegalArgumentException.class, () -> d.withPalette(List.of()));
        assertThrows(IllegalArgumentException.class, () -> d.withAlphas(1.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> d.withFontSizes(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> d.withLineWidth(0));
        assertEquals(1000, d.withSize(1000, 300).width());
    }
}
