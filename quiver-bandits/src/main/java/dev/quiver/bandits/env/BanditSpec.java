package dev.quiver.bandits.env;

/**
 * The shape of a bandit problem as an algorithm sees it before the first round: how many arms, the
 * dimension of each arm's feature vector, and the range of the expected rewards.
 *
 * <p>Algorithms that need rewards in [0, 1] (UCB1, Thompson sampling, FastCB's log loss) rescale
 * observed rewards with {@link #normalise}: {@code (r - rewardLow) / (rewardHigh - rewardLow)},
 * clipped to [0, 1] (noise may push an observation outside the range of the means).
 *
 * @param arms the number of arms K, at least 2
 * @param dim the dimension d of each arm's features; 0 for a multi-armed bandit without features
 * @param rewardLow the smallest expected reward any arm can have
 * @param rewardHigh the largest expected reward any arm can have, above {@code rewardLow}
 */
public record BanditSpec(int arms, int dim, double rewardLow, double rewardHigh) {

    /** Validates the fields. */
    public BanditSpec {
        if (arms < 2) {
            throw new IllegalArgumentException("a bandit needs at least 2 arms, got " + arms);
        }
        if (dim < 0) {
            throw new IllegalArgumentException("dim must be at least 0, got " + dim);
        }
        if (!(rewardHigh > rewardLow) || !Double.isFinite(rewardLow) || !Double.isFinite(rewardHigh)) {
            throw new IllegalArgumentException("need finite rewardLow < rewardHigh, got [" + rewardLow + ", "
                    + rewardHigh + "]");
        }
    }

    /** {@code r} rescaled from [rewardLow, rewardHigh] to [0, 1] and clipped there. */
    public double normalise(double r) {
        double y = (r - rewardLow) / (rewardHigh - rewardLow);
        return Math.min(1.0, Math.max(0.0, y));
    }

    /**
     * The input a regression oracle sees for {@code arm}: the arm's features, or, for a bandit without
     * features ({@code dim == 0}), the one-hot vector of the arm (so one model can still tell arms apart).
     */
    public int inputDim() {
        return dim == 0 ? arms : dim;
    }
}
