package dev.quiver.uq.model.xgb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient-boosted tree settings for xgboost ({@code tree_method=hist}); always one thread
 * ({@code nthread=1}: on a shared 2-core machine more threads busy-wait) and a seed from the caller's
 * {@link dev.quiver.core.seed.Seeds}, so fits are deterministic.
 *
 * @param rounds boosting rounds (trees per output)
 * @param maxDepth the deepest tree
 * @param eta the learning rate (shrinkage)
 * @param subsample the row share sampled per tree, in (0, 1]
 * @param colsampleByTree the column share sampled per tree, in (0, 1]
 * @param minChildWeight the least hessian sum in a leaf
 * @param lambda the L2 penalty on leaf weights
 * @see <a href="https://arxiv.org/abs/1603.02754">Chen and Guestrin (2016), XGBoost: A Scalable Tree
 *     Boosting System, arXiv:1603.02754</a>
 */
public record XgbConfig(int rounds, int maxDepth, double eta, double subsample, double colsampleByTree,
        double minChildWeight, double lambda) {
    /** Validates the settings. */
    public XgbConfig {
        if (rounds < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("rounds and maxDepth must be >= 1, got " + rounds + ", " + maxDepth);
        }
        if (!(eta > 0) || !(subsample > 0 && subsample <= 1) || !(colsampleByTree > 0 && colsampleByTree <= 1)
                || !(minChildWeight >= 0) || !(lambda >= 0)) {
            throw new IllegalArgumentException("bad xgboost settings: " + this);
        }
    }

    /** 100 rounds of depth-4 trees, eta 0.1, no subsampling, xgboost's defaults otherwise. */
    public static XgbConfig defaults() {
        return new XgbConfig(100, 4, 0.1, 1.0, 1.0, 1.0, 1.0);
    }

    /** A copy with another number of rounds. */
    public XgbConfig withRounds(int n) {
        return new XgbConfig(n, maxDepth, eta, subsample, colsampleByTree, minChildWeight, lambda);
    }

    /** A copy with another depth. */
    public XgbConfig withMaxDepth(int d) {
        return new XgbConfig(rounds, d, eta, subsample, colsampleByTree, minChildWeight, lambda);
    }

    /** A copy with another learning rate. */
    public XgbConfig withEta(double e) {
        return new XgbConfig(rounds, maxDepth, e, subsample, colsampleByTree, minChildWeight, lambda);
    }

    /** A copy with another row subsampling share. */
    public XgbConfig withSubsample(double s) {
        return new XgbConfig(rounds, maxDepth, eta, s, colsampleByTree, minChildWeight, lambda);
    }

    /** The booster parameters (without objective), with {@code nthread=1} and {@code seed}. */
    Map<String, Object> params(long seed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tree_method", "hist");
        p.put("nthread", 1);
        p.put("seed", (int) (seed & 0x7fffffffL));
        p.put("max_depth", maxDepth);
        p.put("eta", eta);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsampleByTree);
        p.put("min_child_weight", minChildWeight);
        p.put("lambda", lambda);
        p.put("verbosity", 0);
        return p;
    }
}
