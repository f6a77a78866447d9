package dev.quiver.ope.model;

import dev.quiver.ope.bandit.data.LoggedBanditData;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees (XGBoost) on {@link RewardFeatures features}: {@code binary:logistic} when the
 * training rewards are all 0 or 1, else {@code reg:squarederror}. Always one thread ({@code nthread=1}:
 * on a busy machine OpenMP's spinning threads are much slower) and a fixed seed, so fits are
 * reproducible. The defaults (100 rounds, depth 3, learning rate 0.1, L2 penalty 1, {@code hist} trees)
 * are ours, a small and stable model for a reward with few positive labels.
 *
 * @param rounds boosting rounds
 * @param maxDepth the depth of each tree
 * @param eta the learning rate
 * @param lambda the L2 penalty on leaf weights
 * @param seed XGBoost's seed
 * @param features the feature map (default {@link RewardFeatures#ADDITIVE}; trees find interactions)
 * @see <a href="https://arxiv.org/abs/1603.02754">Chen and Guestrin (2016), XGBoost: A Scalable Tree
 *     Boosting System, arXiv:1603.02754</a>
 */
public record XGBoostRewardModel(int rounds, int maxDepth, double eta, double lambda, long seed,
        RewardFeatures features) implements RewardModel {

    /** Validates the settings. */
    public XGBoostRewardModel {
        if (rounds < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("rounds and maxDepth must be at least 1, got " + rounds + ", " + maxDepth);
        }
        if (!(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must be in (0, 1], got " + eta);
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        Objects.requireNonNull(features, "features");
    }

    /** 100 rounds, depth 3, eta 0.1, lambda 1, seed 0, additive features. */
    public static XGBoostRewardModel defaults() {
        return new XGBoostRewardModel(100, 3, 0.1, 1.0, 0L, RewardFeatures.ADDITIVE);
    }

    /** A copy with {@code seed}. */
    public XGBoostRewardModel withSeed(long seed) {
        return new XGBoostRewardModel(rounds, maxDepth, eta, lambda, seed, features);
    }

    /** A copy with {@code rounds}. */
    public XGBoostRewardModel withRounds(int rounds) {
        return new XGBoostRewardModel(rounds, maxDepth, eta, lambda, seed, features);
    }

    /** A copy with {@code features}. */
    public XGBoostRewardModel withFeatures(RewardFeatures features) {
        return new XGBoostRewardModel(rounds, maxDepth, eta, lambda, seed, features);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "xgboost(rounds=%d, depth=%d, eta=%s, %s)", rounds, maxDepth, eta,
                features.cliName());
    }

    @Override
    public FittedRewardModel fit(LoggedBanditData data, int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to fit on");
        }
        int p = features.dimension(data);
        float[] x = new float[rows.length * p];
        float[] y = new float[rows.length];
        boolean binary = true;
        double[] phi = new double[p];
        for (int j = 0; j < rows.length; j++) {
            int i = rows[j];
            features.write(data, i, data.action(i), phi);
            for (int c = 0; c < p; c++) {
                x[j * p + c] = (float) phi[c];
            }
            y[j] = (float) data.reward(i);
            binary &= y[j] == 0 || y[j] == 1;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("objective", binary ? "binary:logistic" : "reg:squarederror");
        params.put("eta", eta);
        params.put("max_depth", maxDepth);
        params.put("lambda", lambda);
        params.put("tree_method", "hist");
        params.put("nthread", 1);
        params.put("seed", seed);
        params.put("verbosity", 0);
        DMatrix train = null;
        try {
            train = new DMatrix(x, rows.length, p, Float.NaN);
            train.setLabel(y);
            Booster booster = XGBoost.train(train, params, rounds, new HashMap<>(), null, null);
            return new Fitted(booster, features);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    /** A trained booster; {@link #close()} frees its native memory. */
    private static final class Fitted implements FittedRewardModel {
        private final Booster booster;
        private final RewardFeatures features;

        Fitted(Booster booster, RewardFeatures features) {
            this.booster = booster;
            this.features = features;
        }

        @Override
        public double[][] predict(LoggedBanditData data, int[] rows) {
            int k = data.numActions();
            int p = features.dimension(data);
            double[][] out = new double[rows.length][k];
            float[] x = new float[rows.length * p];
            double[] phi = new double[p];
            try {
                for (int a = 0; a < k; a++) {
                    for (int j = 0; j < rows.length; j++) {
                        features.write(data, rows[j], a, phi);
                        for (int c = 0; c < p; c++) {
                            x[j * p + c] = (float) phi[c];
                        }
                    }
                    float[][] pred = booster.inplace_predict(x, rows.length, p, Float.NaN);
                    for (int j = 0; j < rows.length; j++) {
                        out[j][a] = pred[j][0];
                    }
                }
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
            }
            return out;
        }

        @Override
        public void close() {
            booster.dispose();
        }
    }
}
