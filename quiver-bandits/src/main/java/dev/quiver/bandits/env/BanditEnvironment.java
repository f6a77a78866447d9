package dev.quiver.bandits.env;

/**
 * A stochastic bandit simulator: each round it draws a context, and it answers a pull of an arm with a
 * reward drawn around that arm's expected reward. It knows every expected reward, so the regret of a
 * choice is exact: {@code bestMean(context) - mean(context, arm)}.
 *
 * <p>Implementations draw contexts and rewards from separate named seed streams, so the contexts a run
 * sees do not depend on which arms were pulled, and two algorithms run on two simulators built from
 * the same seed face the same instance and the same contexts.
 */
public interface BanditEnvironment {

    /** The problem's shape (arms, feature dimension, range of expected rewards). */
    BanditSpec spec();

    /** Draws the next round's context. */
    Context next();

    /** The expected reward of {@code arm} in {@code context}. */
    double mean(Context context, int arm);

    /** Draws a reward for pulling {@code arm} in {@code context}. */
    double pull(Context context, int arm);

    /** The largest expected reward in {@code context}. */
    default double bestMean(Context context) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < context.arms(); a++) {
            best = Math.max(best, mean(context, a));
        }
        return best;
    }

    /** A short description for tables and JSON (e.g. {@code "cosine, K=4, d=10, gaussian noise sd 0.1"}). */
    String describe();
}
