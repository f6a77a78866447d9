package dev.quiver.eval.bootstrap;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws uniform indices in {@code [0, n)} fast and exactly, for resampling: each 64-bit output of the
 * generator is cut into 16-bit pieces (four indices per {@code nextLong()} when {@code n <= 65536}) or
 * 32-bit pieces (two, for larger {@code n}), and each piece is mapped to {@code [0, n)} by Lemire's
 * multiply-and-reject method, so every index is exactly uniform (a piece is rejected with probability
 * {@code (2^L mod n) / 2^L}, below 0.2% for {@code n <= 100}).
 *
 * <p>The sequence of indices depends only on the generator's state and the sequence of bounds {@code
 * n} asked for (pieces are taken from the low bits up; when fewer bits are left than a draw needs,
 * they are dropped and a new {@code long} is drawn). All methods here follow that one rule, so the
 * fused loops ({@link #drawSum}, {@link #drawCounts}) give exactly the indices of repeated {@link
 * #nextIndex(int)} calls. Not thread-safe: one sampler per thread.
 *
 * @see <a href="https://arxiv.org/abs/1805.10941">Lemire, D. (2019). Fast random integer generation in
 *     an interval. ACM TOMACS 29(1), arXiv:1805.10941</a>
 */
public final class IndexSampler {
    private static final int SMALL = 1 << 16;

    private final UniformRandomProvider rng;
    private long bits;
    /** Unused 16-bit pieces left in {@code bits}. */
    private int left;

    /** A sampler drawing from {@code rng}. */
    public IndexSampler(UniformRandomProvider rng) {
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    /** One uniform index in {@code [0, n)}, {@code n >= 1}. */
    public int nextIndex(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        if (n <= SMALL) {
            int reject = SMALL % n;
            while (true) {
                if (left == 0) {
                    bits = rng.nextLong();
                    left = 4;
                }
                int m = ((int) bits & 0xFFFF) * n; // below 2^32: read as unsigned
                bits >>>= 16;
                left--;
                if ((m & 0xFFFF) >= reject) {
                    return m >>> 16;
                }
            }
        }
        long reject = (1L << 32) % n;
        while (true) {
            if (left < 2) {
                bits = rng.nextLong();
                left = 4;
            }
            long m = (bits & 0xFFFFFFFFL) * n;
            bits >>>= 32;
            left -= 2;
            if ((m & 0xFFFFFFFFL) >= reject) {
                return (int) (m >>> 32);
            }
        }
    }

    /**
     * Draws {@code n} indices {@code j} in {@code [0, n)} and for each adds {@code values[base + j]} to
     * the returned sum (in draw order) and increments {@code counts[map[base + j]]} (or {@code
     * counts[base + j]} when {@code map} is null).
     */
    public double drawSum(int n, int base, double[] values, int[] map, int[] counts) {
        if (n > SMALL || map == null) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int j = base + nextIndex(n);
                sum += values[j];
                counts[map == null ? j : map[j]]++;
            }
            return sum;
        }
        int reject = SMALL % n;
        long b = bits;
        int l = left;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int m;
            do {
                if (l == 0) {
                    b = rng.nextLong();
                    l = 4;
                }
                m = ((int) b & 0xFFFF) * n;
                b >>>= 16;
                l--;
            } while ((m & 0xFFFF) < reject);
            int j = base + (m >>> 16);
            sum += values[j];
            counts[map[j]]++;
        }
        bits = b;
        left = l;
        return sum;
    }

    /**
     * Like {@link #drawSum} and also writes the drawn values, in draw order, to {@code row[0..n)}: a
     * materialised resample for general aggregates.
     */
    public double drawSumInto(int n, int base, double[] values, int[] map, int[] counts, double[] row) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = base + nextIndex(n);
            double v = values[j];
            sum += v;
            row[i] = v;
            counts[map == null ? j : map[j]]++;
        }
        return sum;
    }

    /** Draws {@code n} indices {@code j} in {@code [0, n)} and increments {@code counts[offset + j]}. */
    public void drawCounts(int n, int[] counts, int offset) {
        if (n > SMALL) {
            for (int i = 0; i < n; i++) {
                counts[offset + nextIndex(n)]++;
            }
            return;
        }
        int reject = SMALL % n;
        long b = bits;
        int l = left;
        for (int i = 0; i < n; i++) {
            int m;
            do {
                if (l == 0) {
                    b = rng.nextLong();
                    l = 4;
                }
                m = ((int) b & 0xFFFF) * n;
                b >>>= 16;
                l--;
            } while ((m & 0xFFFF) < reject);
            counts[offset + (m >>> 16)]++;
        }
        bits = b;
        left = l;
    }
}
