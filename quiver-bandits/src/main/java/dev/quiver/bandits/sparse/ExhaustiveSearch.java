package dev.quiver.bandits.sparse;

/**
 * The dense search that needs no structure: query every arm ({@link FinalComparison}) and keep the best.
 * It finds an {@code O(epsilon)}-optimal arm whatever the misspecification, at {@code K} queries (times the
 * repetitions noise requires); with {@code K ~ exp(d)} arms that is the {@code exp(d)} cost Du et al. (2020)
 * show no dense method avoids.
 *
 * @param accuracy the accuracy of the comparison under noise, in units of epsilon (default 0.5)
 * @param delta the failure probability under noise (default 0.05)
 * @see <a href="https://arxiv.org/abs/1910.03016">Du, Kakade, Wang, Yang (2020), Is a Good Representation
 *     Sufficient for Sample Efficient Reinforcement Learning?, arXiv:1910.03016</a>
 */
public record ExhaustiveSearch(double accuracy, double delta) implements BestArmSearch {

    /** Accuracy 0.5 epsilon, delta 0.05. */
    public static ExhaustiveSearch defaults() {
        return new ExhaustiveSearch(0.5, 0.05);
    }

    @Override
    public String name() {
        return "exhaustive";
    }

    @Override
    public int search(MisspecifiedArms arms) {
        int[] all = new int[arms.size()];
        for (int k = 0; k < all.length; k++) {
            all[k] = k;
        }
        return FinalComparison.best(arms, all, accuracy * arms.epsilon(), delta);
    }
}
