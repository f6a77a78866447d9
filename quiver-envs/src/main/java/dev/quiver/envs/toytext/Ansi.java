package dev.quiver.envs.toytext;

/** ANSI colouring as Gymnasium's {@code gymnasium.utils.colorize}, for the toy-text text renderings. */
final class Ansi {

    private Ansi() {
    }

    /** Foreground colour codes, as Gymnasium's {@code color2num}. */
    static final int RED = 31;
    static final int GREEN = 32;
    static final int YELLOW = 33;
    static final int BLUE = 34;
    static final int MAGENTA = 35;

    /** {@code text} wrapped in the escape codes for {@code color}; highlight makes it a background colour. */
    static String colorize(String text, int color, boolean bold, boolean highlight) {
        int num = highlight ? color + 10 : color;
        String attrs = bold ? num + ";1" : Integer.toString(num);
        return "\u001b[" + attrs + "m" + text + "\u001b[0m";
    }
}
