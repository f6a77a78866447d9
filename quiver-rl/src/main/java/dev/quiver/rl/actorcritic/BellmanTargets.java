package dev.quiver.rl.actorcritic;

import dev.quiver.rl.replay.Batch;

/**
 * The one-step TD targets of a replayed batch, {@code y = r + γ^steps · (1 − terminated) · v(s')}, given
 * the value {@code v(s')} each algorithm computes for the next observations (the clipped double-Q value,
 * with SAC's entropy term where it applies). A truncated episode still bootstraps; only
 * {@code terminated} does not.
 */
public final class BellmanTargets {
    private BellmanTargets() {
    }

    /**
     * Writes the targets of rows {@code 0 .. batch.size() − 1} into {@code out}.
     *
     * @param batch the transitions
     * @param nextValues {@code v(s')} per row
     * @param gamma the discount
     * @param out the targets (at least {@code batch.size()} long)
     */
    public static void compute(Batch batch, float[] nextValues, double gamma, float[] out) {
        for (int k = 0; k < batch.size(); k++) {
            double bootstrap = batch.terminated()[k] ? 0 : Math.pow(gamma, batch.steps()[k]) * nextValues[k];
            out[k] = (float) (batch.rewards()[k] + bootstrap);
        }
    }
}
