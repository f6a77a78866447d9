package dev.quiver.uq.model;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;

/**
 * A quantile-regression algorithm: fits conditional quantiles at given levels (by minimising the pinball
 * loss {@code ρ_τ(r) = r (τ − 1{r < 0})} or otherwise). Implement it to plug your own quantile model into
 * CQR.
 */
@FunctionalInterface
public interface QuantileRegressor {
    /**
     * Fits the conditional quantiles at {@code levels}.
     *
     * @param levels ascending quantile levels in (0, 1)
     */
    QuantileModel fit(Matrix x, double[] y, double[] levels, Seeds seeds);

    /** Checks that {@code levels} are ascending and inside (0, 1); returns a copy. */
    static double[] checkLevels(double[] levels) {
        if (levels.length == 0) {
            throw new IllegalArgumentException("need at least one quantile level");
        }
        for (int k = 0; k < levels.length; k++) {
            if (!(levels[k] > 0 && levels[k] < 1)) {
                throw new IllegalArgumentException("quantile levels must be in (0, 1), got " + levels[k]);
            }
            if (k > 0 && !(levels[k] > levels[k - 1])) {
                throw new IllegalArgumentException("quantile levels must be strictly ascending, got "
                        + java.util.Arrays.toString(levels));
            }
        }
        return levels.clone();
    }
}
