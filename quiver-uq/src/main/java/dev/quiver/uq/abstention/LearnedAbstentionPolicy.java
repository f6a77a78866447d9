package dev.quiver.uq.abstention;

import dev.quiver.bandits.env.Context;
import dev.quiver.bandits.regress.OnlineRidge;
import dev.quiver.uq.conformal.ConformalQuantile;
import dev.quiver.uq.linalg.OrderStatistics;
import java.util.Arrays;

/**
 * A learned conformal abstention policy: per input, the output with the largest estimated utility
 * {@code −μ·P̂(miss | x, a) − cost(a)}, where {@code P̂(miss | x, a)} comes from the ridge regressions learned
 * during the bandit run (clipped to [0, 1], and made non-increasing along the nested sets: a larger set cannot
 * miss more often), {@code cost(a)} is the utility's size cost {@code sizeCost·(|C_a| − 1)} or its abstention
 * cost, and μ is the weight of a miss. At the utility's own miss cost this is the learned (uncalibrated) policy;
 * {@link #calibrate} picks μ conformally.
 *
 * <p>Why μ can be calibrated: order an input's outputs by their sets — the single label, then the LAC sets from
 * the smallest to the largest (they are nested), then the abstention (the set of all labels). Along this order
 * the estimated miss is non-increasing, so for outputs i before j the advantage of j,
 * {@code μ(m_i − m_j) − (c_j − c_i)}, is non-decreasing in μ: the chosen output (ties go to the later one) moves
 * only forward as μ grows, and the predicted set only grows. The coverage of a labelled row is therefore a step
 * function of μ, switching on at {@code S(x, y) = min{μ ≥ 0 : the output chosen at μ covers y}} (0 when y is the
 * argmax, which every output covers), and the conformal quantile of S on held-out rows is a miss cost at which a
 * new row is covered with probability at least 1 − α. The miss cost is the Lagrange multiplier of the coverage
 * constraint, and calibrating it keeps the policy utility-optimal (under its estimates) at the calibrated
 * coverage, rather than shifting every threshold alike.
 *
 * @see <a href="https://arxiv.org/abs/2502.06884">Tayebati et al. (2025), Learning Conformal Abstention
 *     Policies, arXiv:2502.06884</a>
 */
public final class LearnedAbstentionPolicy {
    private static final double TIE = 1e-12;
    private final ConformalAbstentionPolicy config;
    private final ThresholdArms arms;
    private final OnlineRidge[] models;
    private final boolean perArm;
    private final int inputDim;

    LearnedAbstentionPolicy(ConformalAbstentionPolicy config, ThresholdArms arms, OnlineRidge[] models,
            boolean perArm, int inputDim) {
        this.config = config;
        this.arms = arms;
        this.models = models;
        this.perArm = perArm;
        this.inputDim = inputDim;
    }

    /** The arms. */
    public ThresholdArms arms() {
        return arms;
    }

    /** The settings it was learned with. */
    public ConformalAbstentionPolicy config() {
        return config;
    }

    /** One input's outputs in nesting order: their arms, costs and estimated miss probabilities. */
    private record Options(int[] arm, double[] cost, double[] miss, boolean[][] sets) {
    }

    private Options options(double[] probs, double[] features) {
        Context ctx = config.banditContext(probs, features, arms, perArm);
        int setArms = arms.count() - 1;
        Integer[] order = new Integer[setArms];
        double[] threshold = new double[setArms];
        for (int a = 0; a < setArms; a++) {
            order[a] = a;
            threshold[a] = arms.threshold(a, probs);
        }
        Arrays.sort(order, (i, j) -> Double.compare(threshold[i], threshold[j]));
        AbstentionUtility u = config.utility();
        int[] arm = new int[setArms + 1];
        double[] cost = new double[setArms + 1];
        double[] miss = new double[setArms + 1];
        boolean[][] sets = new boolean[setArms + 1][];
        double[] input = new double[inputDim];
        double running = 1;
        for (int r = 0; r < setArms; r++) {
            int a = order[r];
            boolean[] set = arms.set(a, probs);
            int size = 0;
            for (boolean b : set) {
                if (b) {
                    size++;
                }
            }
            double m = models[perArm ? a : 0].predict(ctx.copyInput(a, input));
            running = Math.min(running, Math.max(0, Math.min(1, m)));
            arm[r] = a;
            cost[r] = -u.prediction(size, true);
            miss[r] = running;
            sets[r] = set;
        }
        arm[setArms] = arms.abstainArm();
        cost[setArms] = -u.abstention();
        miss[setArms] = 0;
        return new Options(arm, cost, miss, sets);
    }

    /** The position (in nesting order) of the output chosen at miss cost μ; ties go to the later output. */
    private static int choose(Options o, double mu) {
        int n = o.arm().length;
        if (mu == Double.POSITIVE_INFINITY) {
            return n - 1;
        }
        int best = 0;
        double bestValue = -mu * o.miss()[0] - o.cost()[0];
        for (int r = 1; r < n; r++) {
            double v = -mu * o.miss()[r] - o.cost()[r];
            if (v >= bestValue - TIE * (1 + Math.abs(bestValue))) {
                if (v > bestValue) {
                    bestValue = v;
                }
                best = r;
            }
        }
        return best;
    }

    private static boolean covers(Options o, int position, int label) {
        return position == o.arm().length - 1 || o.sets()[position][label];
    }

    /** The arm chosen for each row at miss cost μ. */
    public int[] act(double[][] probs, double[][] features, double mu) {
        int[] out = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            Options o = options(probs[i], features == null ? null : features[i]);
            out[i] = o.arm()[choose(o, mu)];
        }
        return out;
    }

    /** The arm chosen for each row at the utility's miss cost (the uncalibrated policy). */
    public int[] act(double[][] probs, double[][] features) {
        return act(probs, features, config.utility().missCost());
    }

    /** The outputs of the uncalibrated policy (at the utility's miss cost). */
    public AbstentionPredictions predict(double[][] probs, double[][] features) {
        return outputs(arms, act(probs, features), probs);
    }

    /**
     * Calibrates the miss cost on labelled rows not used to learn the policy: μ̂ is the
     * {@code ⌈(n + 1)(1 − α)⌉}-th smallest score {@code S(x_i, y_i)} (see the class comment; +∞ if that rank
     * exceeds n or the score is infinite, and at μ = +∞ every row abstains). Since a row is covered exactly when
     * {@code S ≤ μ}, a test row exchangeable with the calibration rows is covered (an abstention counting as
     * covered) with probability at least {@code 1 − α}, and at most {@code 1 − α + 1/(n + 1)} when no score ties
     * with μ̂.
     *
     * @param alpha the target miscoverage α
     */
    public CalibratedAbstentionPolicy calibrate(double[][] probs, double[][] features, int[] labels, double alpha) {
        ConformalQuantile.checkAlpha(alpha);
        if (labels.length != probs.length || labels.length == 0) {
            throw new IllegalArgumentException(probs.length + " probability rows but " + labels.length + " labels");
        }
        double[] s = new double[labels.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = score(probs[i], features == null ? null : features[i], labels[i]);
        }
        int k = ConformalQuantile.upperRank(s.length, alpha);
        double mu = k > s.length ? Double.POSITIVE_INFINITY : OrderStatistics.kthSmallest(s, k);
        return new CalibratedAbstentionPolicy(this, mu, alpha);
    }

    /** {@code S(x, y)}: the smallest miss cost at which the chosen output covers the label (+∞ if none does). */
    double score(double[] probs, double[] features, int label) {
        Options o = options(probs, features);
        int n = o.arm().length;
        double[] candidates = new double[1 + n * (n - 1) / 2];
        int c = 0;
        candidates[c++] = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dm = o.miss()[i] - o.miss()[j];
                if (dm > 0) {
                    double mu = (o.cost()[j] - o.cost()[i]) / dm;
                    if (mu > 0) {
                        candidates[c++] = mu;
                    }
                }
            }
        }
        double[] sorted = Arrays.copyOf(candidates, c);
        Arrays.sort(sorted);
        for (double mu : sorted) {
            if (covers(o, choose(o, mu), label)) {
                return mu;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The outputs of arms {@code a}: the arm's set, or an abstention. */
    static AbstentionPredictions outputs(ThresholdArms arms, int[] a, double[][] probs) {
        int n = probs.length;
        int k = n == 0 ? 0 : probs[0].length;
        boolean[][] member = new boolean[n][];
        boolean[] abstained = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (a[i] == arms.abstainArm()) {
                abstained[i] = true;
                member[i] = new boolean[k];
            } else {
                member[i] = arms.set(a[i], probs[i]);
            }
        }
        return new AbstentionPredictions(member, abstained, k);
    }
}
