package dev.quiver.bench;

import org.apache.commons.rng.UniformRandomProvider;

/** Fills action batches with uniformly random actions, the way the benchmarks draw them. */
final class RandomActions {
    private RandomActions() {
    }

    /** Uniform 0/1 actions from the bits of one {@code nextLong()} per 64 copies. */
    static void fillBits(UniformRandomProvider rng, int[] out) {
        int n = out.length;
        for (int i = 0; i < n; i += 64) {
            long word = rng.nextLong();
            int end = Math.min(n, i + 64);
            for (int j = i; j < end; j++) {
                out[j] = (int) word & 1;
                word >>>= 1;
            }
        }
    }

    /** Uniform actions in {@code [0, numActions)}, one {@code nextInt(numActions)} per copy. */
    static void fillNextInt(UniformRandomProvider rng, int[] out, int numActions) {
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextInt(numActions);
        }
    }

    /** Uniform continuous actions in {@code [low, high)}, one {@code nextFloat()} per value. */
    static void fillUniform(UniformRandomProvider rng, float[] out, float low, float high) {
        float width = high - low;
        for (int i = 0; i < out.length; i++) {
            out[i] = low + width * rng.nextFloat();
        }
    }
}
