package dev.quiver.cli.train;

import dev.quiver.core.error.QuiverUserException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses a list of seeds as given to {@code --seeds}: a range {@code 0..4} (inclusive) or a list {@code 0,1,2}. */
public final class SeedList {
    /** The most seeds one command may run. */
    public static final int MAX_SEEDS = 1000;

    private SeedList() {
    }

    /**
     * The seeds in {@code text}, in order.
     *
     * @param option the option's name, for messages
     * @throws QuiverUserException if {@code text} is neither a range nor a list of integers, a range is
     *     empty, a seed repeats, or there are more than {@value #MAX_SEEDS}
     */
    public static long[] parse(String text, String option) {
        String t = text == null ? "" : text.trim();
        String allowed = "; expected a range like 0..4 (inclusive) or a list like 0,1,2";
        if (t.isEmpty()) {
            throw new QuiverUserException(option + ": no seeds given" + allowed);
        }
        List<Long> seeds = new ArrayList<>();
        int dots = t.indexOf("..");
        if (dots >= 0) {
            long lo = number(t.substring(0, dots), option, text, allowed);
            long hi = number(t.substring(dots + 2), option, text, allowed);
            if (hi < lo) {
                throw new QuiverUserException(option + " " + text + ": the range is empty (" + hi + " < " + lo + ")"
                        + allowed);
            }
            if (hi - lo >= MAX_SEEDS) {
                throw new QuiverUserException(option + " " + text + ": " + (hi - lo + 1) + " seeds; at most "
                        + MAX_SEEDS + " are allowed");
            }
            for (long s = lo; s <= hi; s++) {
                seeds.add(s);
            }
        } else {
            Set<Long> seen = new LinkedHashSet<>();
            for (String part : t.split(",", -1)) {
                long s = number(part, option, text, allowed);
                if (!seen.add(s)) {
                    throw new QuiverUserException(option + " " + text + ": seed " + s + " is given twice");
                }
            }
            if (seen.size() > MAX_SEEDS) {
                throw new QuiverUserException(option + " " + text + ": " + seen.size() + " seeds; at most "
                        + MAX_SEEDS + " are allowed");
            }
            seeds.addAll(seen);
        }
        return seeds.stream().mapToLong(Long::longValue).toArray();
    }

    private static long number(String part, String option, String text, String allowed) {
        try {
            return Long.parseLong(part.trim());
        } catch (NumberFormatException e) {
            throw new QuiverUserException(option + " " + text + ": '" + part.trim() + "' is not an integer" + allowed);
        }
    }
}
