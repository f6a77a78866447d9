package dev.quiver.report.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.Locale;

/** Measuring and drawing text as text (so that it stays text in SVG). */
final class Text {

    /** Horizontal anchor of a string. */
    enum Align { LEFT, CENTER, RIGHT }

    private Text() {}

    static double width(Graphics2D g, Font font, String s) {
        return g.getFontMetrics(font).getStringBounds(s, g).getWidth();
    }

    static double maxWidth(Graphics2D g, Font font, Iterable<String> strings) {
        double w = 0;
        for (String s : strings) {
            w = Math.max(w, width(g, font, s));
        }
        return w;
    }

    /** Ascent plus descent. */
    static double height(Graphics2D g, Font font) {
        FontMetrics fm = g.getFontMetrics(font);
        return fm.getAscent() + fm.getDescent();
    }

    /** Draws {@code s} anchored horizontally by {@code align} at {@code x}, vertically centred on {@code y}. */
    static void draw(Graphics2D g, String s, Font font, Color color, double x, double y, Align align) {
        if (s.isEmpty()) {
            return;
        }
        FontMetrics fm = g.getFontMetrics(font);
        double w = fm.getStringBounds(s, g).getWidth();
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        double baseline = y + (fm.getAscent() - fm.getDescent()) / 2.0;
        Font oldFont = g.getFont();
        Color oldColor = g.getColor();
        g.setFont(font);
        g.setColor(color);
        g.drawString(s, (float) left, (float) baseline);
        g.setFont(oldFont);
        g.setColor(oldColor);
    }

    static String xmlEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A number for descriptions: 4 significant digits, locale-independent. */
    static String num(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
