package dev.quiver.eval.holdout;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The adaptive-overfitting experiment of Dwork et al. (Science 2015, Figs. 1 and 2): an analyst selects
 * features by checking their correlation with the label on the training set and on a reused holdout,
 * builds a classifier from them and asks the holdout for its accuracy. Reusing a standard holdout this
 * way overfits it (holdout accuracy far above the true 50% when there is no signal); Thresholdout does
 * not, and still finds real signal when there is some.
 *
 * <p><b>Protocol</b> (as in the authors' released code, the Science supplement), per repetition:
 *
 * <ol>
 *   <li>Draw a training set, a holdout set and a fresh set of {@code n} points each: {@code d} attributes
 *       i.i.d. N(0, 1), label {@code y} uniform in {-1, +1}. With signal, attributes {@code 0 ..
 *       signalFeatures-1} get {@code + y * signalShift} (the paper: 20 attributes drawn from N(0.06 y, 1),
 *       i.e. {@code 6 / sqrt(n)} at n = 10,000).
 *   <li>For each attribute {@code j}, its correlation with the label on each set, {@code a_j = (1/n) sum_i
 *       y_i x_ij}. The holdout value goes through the holdout under test: as is for the standard holdout
 *       ({@link StandardHoldout}), through one {@link ReusableHoldout} per repetition for Thresholdout
 *       (attributes queried in index order).
 *   <li>Keep the attributes whose training and holdout answers both exceed {@code selectionThreshold =
 *       1/sqrt(n)} in magnitude with the same sign; rank them by |training correlation| (ties by index).
 *   <li>For each {@code k} of the grid: the classifier {@code sign(sum_{j in top k} sign(a_j) x_j)} (all
 *       kept attributes if fewer than {@code k} were kept); its accuracy on the training set, its holdout
 *       accuracy as answered by the holdout under test (for Thresholdout a further query to the same {@link
 *       ReusableHoldout}, grid in order), and its accuracy on the fresh set (the truth, up to sampling).
 *       {@code k = 0} is no classifier: every accuracy is reported as 0.5, as in the released code.
 * </ol>
 *
 * Thresholdout runs with {@code T = 4/sqrt(n)} and {@code sigma = 1/sqrt(n)} (the paper's {@code T =
 * 0.04}, {@code tau = 0.01} at n = 10,000) and {@link ReusableHoldout.Noise#GAUSSIAN} noise, as the
 * released code that made the figures does; {@link Config#withNoise} switches to the pseudo-code's
 * Laplace noise. Its budget is {@code d + ks.size()}, which no run can exhaust (the released code has no
 * budget); {@link Result#overThresholdAnswers()} says how much of it was used.
 *
 * <p><b>Memory and speed.</b> No data matrix is stored: attribute {@code j} of set {@code s} in repetition
 * {@code r} is generated on demand from its own stream {@code Seeds.of(seed).child("repetition",
 * r).child(s).child("attribute", j)}, once to compute the correlations (attributes in parallel) and again
 * for the at most {@code 2 max(ks)} attributes the classifiers use. Memory is {@code O(n + d)} doubles
 * (about 1 MB at the paper's size, where the matrices would take 2.4 GB as doubles); the work is about
 * {@code 2 n d} normal draws per repetition (2 x 10^8 at the paper's size). Results depend only on the
 * config (seed included), not on the number of threads.
 *
 * @see <a href="https://doi.org/10.1126/science.aaa9375">Dwork, C., Feldman, V., Hardt, M., Pitassi, T.,
 *     Reingold, O. and Roth, A. (2015). The reusable holdout: Preserving validity in adaptive data
 *     analysis. Science 349(6248), 636-638</a>
 * @see <a href="https://arxiv.org/abs/1506.02629">Dwork et al. (2015). Generalization in adaptive data
 *     analysis and holdout reuse. NIPS (arXiv:1506.02629), Section 5</a>
 */
public final class AdaptiveOverfittingExperiment {
    /** The paper's grid of numbers of selected variables (the released code's {@code krange}). */
    public static final List<Integer> PAPER_KS = List.of(0, 10, 20, 30, 45, 70, 100, 150, 200, 250, 300, 400, 500);

    private static final String[] SETS = {"train", "holdout", "fresh"};

    private AdaptiveOverfittingExperiment() {
    }

    /**
     * The experiment's settings. Thresholds scale with {@code 1/sqrt(n)} as in the released code; at the
     * paper's n = 10,000 the defaults give selection threshold 0.01, {@code T = 0.04}, {@code sigma = 0.01}
     * and (with signal) a shift of 0.06.
     *
     * @param n points in each of the training, holdout and fresh sets (paper: 10,000)
     * @param d attributes (paper: 10,000)
     * @param ks numbers of selected variables, ascending, each in {@code [0, d]} (paper: {@link #PAPER_KS})
     * @param repetitions independent repetitions averaged (paper: 100)
     * @param seed the root seed
     * @param signalFeatures attributes correlated with the label (0: no signal, the paper's Fig. 1; 20: Fig. 2)
     * @param signalScale their shift {@code y * signalScale / sqrt(n)} (paper: 6, i.e. 0.06 at n = 10,000)
     * @param selectionScale selection threshold {@code selectionScale / sqrt(n)} (paper: 1)
     * @param thresholdScale Thresholdout's {@code T = thresholdScale / sqrt(n)} (paper: 4)
     * @param sigmaScale Thresholdout's {@code sigma = sigmaScale / sqrt(n)} (paper: 1)
     * @param noise Thresholdout's noise ({@link ReusableHoldout.Noise#GAUSSIAN} as in the released code)
     */
    public record Config(int n, int d, List<Integer> ks, int repetitions, long seed, int signalFeatures,
            double signalScale, double selectionScale, double thresholdScale, double sigmaScale,
            ReusableHoldout.Noise noise) {

        /** Validates the settings. */
        public Config {
            if (n < 1) {
                throw new IllegalArgumentException("n must be at least 1, got " + n);
            }
            if (d < 1) {
                throw new IllegalArgumentException("d must be at least 1, got " + d);
            }
            ks = List.copyOf(Objects.requireNonNull(ks, "ks"));
            if (ks.isEmpty()) {
                throw new IllegalArgumentException("ks is empty: give at least one number of variables");
            }
            for (int i = 0; i < ks.size(); i++) {
                int k = ks.get(i);
                if (k < 0 || k > d) {
                    throw new IllegalArgumentException("every k must be in [0, d = " + d + "], got " + k);
                }
                if (i > 0 && k <= ks.get(i - 1)) {
                    throw new IllegalArgumentException("ks must be strictly ascending, got " + ks);
                }
            }
            if (repetitions < 1) {
                throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
            }
            if (signalFeatures < 0 || signalFeatures > d) {
                throw new IllegalArgumentException("signalFeatures must be in [0, d = " + d + "], got " + signalFeatures);
            }
            for (double s : new double[] {signalScale, selectionScale, thresholdScale, sigmaScale}) {
                if (!(s >= 0) || !Double.isFinite(s)) {
                    throw new IllegalArgumentException("scales must be finite and at least 0, got " + s);
                }
            }
            Objects.requireNonNull(noise, "noise");
        }

        /** The paper's setting without signal (Fig. 1): n = d = 10,000, {@link #PAPER_KS}, 100 repetitions, seed 0. */
        public static Config paper() {
            return new Config(10_000, 10_000, PAPER_KS, 100, 0, 0, 6, 1, 4, 1, ReusableHoldout.Noise.GAUSSIAN);
        }

        /** With {@code n} points per set. */
        public Config withN(int n) {
            return new Config(n, d, ks, repetitions, seed, signalFeatures, signalScale, selectionScale, thresholdScale,
                    sigmaScale, noise);
        }

        /** With {@code d} attributes (ks above {@code d} are dropped). */
        public Config withD(int d) {
            List<Integer> kept = ks.stream().filter(k -> k <= d).toList();
            return new Config(n, d, kept, repetitions, seed, Math.min(signalFeatures, d), signalScale, selectionScale,
                    thresholdScale, sigmaScale, noise);
        }

        /** With this grid of numbers of selected variables. */
        public Config withKs(List<Integer> ks) {
            return new Config(n, d, ks, repetitions, seed, signalFeatures, signalScale, selectionScale, thresholdScale,
                    sigmaScale, noise);
        }

        /** With this many repetitions. */
        public Config withRepetitions(int repetitions) {
            return new Config(n, d, ks, repetitions, seed, signalFeatures, signalScale, selectionScale, thresholdScale,
                    sigmaScale, noise);
        }

        /** With this root seed. */
        public Config withSeed(long seed) {
            return new Config(n, d, ks, repetitions, seed, signalFeatures, signalScale, selectionScale, thresholdScale,
                    sigmaScale, noise);
        }

        /** The paper's signal setting (Fig. 2): 20 attributes shifted by {@code 6 y / sqrt(n)}. */
        public Config withSignal() {
            return withSignal(Math.min(20, d), 6);
        }

        /** {@code features} attributes shifted by {@code y * scale / sqrt(n)} (0 features: no signal). */
        public Config withSignal(int features, double scale) {
            return new Config(n, d, ks, repetitions, seed, features, scale, selectionScale, thresholdScale, sigmaScale,
                    noise);
        }

        /** With this Thresholdout noise. */
        public Config withNoise(ReusableHoldout.Noise noise) {
            return new Config(n, d, ks, repetitions, seed, signalFeatures, signalScale, selectionScale, thresholdScale,
                    sigmaScale, noise);
        }

        /** The selection threshold {@code selectionScale / sqrt(n)}. */
        public double selectionThreshold() {
            return selectionScale / Math.sqrt(n);
        }

        /** Thresholdout's threshold {@code T = thresholdScale / sqrt(n)}. */
        public double threshold() {
            return thresholdScale / Math.sqrt(n);
        }

        /** Thresholdout's noise rate {@code sigma = sigmaScale / sqrt(n)}. */
        public double sigma() {
            return sigmaScale / Math.sqrt(n);
        }

        /** The shift of the signal attributes, {@code signalScale / sqrt(n)} (0 without signal). */
        public double signalShift() {
            return signalFeatures == 0 ? 0 : signalScale / Math.sqrt(n);
        }

        /** One line describing the settings. */
        public String describe() {
            return String.format(Locale.ROOT, "n = %d per set, d = %d, %d repetition%s, seed %d, %s, selection"
                    + " threshold %.4g, Thresholdout T = %.4g, sigma = %.4g (%s noise)", n, d, repetitions,
                    repetitions == 1 ? "" : "s", seed, signalFeatures == 0 ? "no signal"
                            : String.format(Locale.ROOT, "signal: %d attributes shifted by %.4g y", signalFeatures,
                                    signalShift()), selectionThreshold(), threshold(), sigma(),
                    noise.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A value over the repetitions: its mean, its standard deviation (over repetitions, {@code n - 1} in the
     * denominator; NaN for one repetition) and a 95% normal-approximation interval of the mean.
     *
     * @param mean the mean over repetitions
     * @param sd the standard deviation over repetitions
     * @param interval {@code mean +- 1.96 sd / sqrt(repetitions)} (NaN ends for one repetition)
     */
    public record Summary(double mean, double sd, Estimate interval) {
        static Summary of(double[] xs) {
            int r = xs.length;
            double m = 0;
            for (double x : xs) {
                m += x;
            }
            m /= r;
            double ss = 0;
            for (double x : xs) {
                ss += (x - m) * (x - m);
            }
            double sd = r > 1 ? Math.sqrt(ss / (r - 1)) : Double.NaN;
            double half = 1.959963984540054 * sd / Math.sqrt(r);
            Estimate e = r > 1 ? new Estimate(m, m - half, m + half, 0.95,
                    "normal approximation over " + r + " repetitions")
                    : new Estimate(m, Double.NaN, Double.NaN, 0.95, "one repetition: no interval");
            return new Summary(m, sd, e);
        }
    }

    /**
     * The accuracies at one number of selected variables.
     *
     * @param k the number of selected variables
     * @param standardTrain training accuracy of the classifier selected with the standard holdout
     * @param standardHoldout its holdout accuracy (what the standard holdout reports)
     * @param standardFresh its accuracy on fresh data
     * @param thresholdoutTrain training accuracy of the classifier selected with Thresholdout
     * @param thresholdoutHoldout its holdout accuracy as reported by Thresholdout
     * @param thresholdoutFresh its accuracy on fresh data
     */
    public record Row(int k, Summary standardTrain, Summary standardHoldout, Summary standardFresh,
            Summary thresholdoutTrain, Summary thresholdoutHoldout, Summary thresholdoutFresh) {
    }

    /**
     * The experiment's outcome.
     *
     * @param config the settings
     * @param rows one row per k, in grid order
     * @param standardSelected attributes kept by the standard-holdout analysis (before taking the top k)
     * @param thresholdoutSelected attributes kept by the Thresholdout analysis
     * @param overThresholdAnswers Thresholdout's over-threshold answers (budget used) per repetition
     */
    public record Result(Config config, List<Row> rows, Summary standardSelected, Summary thresholdoutSelected,
            Summary overThresholdAnswers) {
    }

    /** Runs the experiment. */
    public static Result run(Config config) {
        return run(config, done -> { });
    }

    /**
     * Runs the experiment, calling {@code progress} with the number of repetitions done after each one.
     */
    public static Result run(Config config, IntConsumer progress) {
        int reps = config.repetitions();
        int nk = config.ks().size();
        // [column][k][repetition]; columns: standard train/holdout/fresh, Thresholdout train/holdout/fresh
        double[][][] acc = new double[6][nk][reps];
        double[] selStd = new double[reps];
        double[] selThr = new double[reps];
        double[] over = new double[reps];
        for (int r = 0; r < reps; r++) {
            Repetition rep = new Repetition(config, r);
            rep.run();
            for (int c = 0; c < 6; c++) {
                for (int i = 0; i < nk; i++) {
                    acc[c][i][r] = rep.accuracy[c][i];
                }
            }
            selStd[r] = rep.selectedStandard;
            selThr[r] = rep.selectedThresholdout;
            over[r] = rep.overThreshold;
            progress.accept(r + 1);
        }
        List<Row> rows = new ArrayList<>(nk);
        for (int i = 0; i < nk; i++) {
            rows.add(new Row(config.ks().get(i), Summary.of(acc[0][i]), Summary.of(acc[1][i]), Summary.of(acc[2][i]),
                    Summary.of(acc[3][i]), Summary.of(acc[4][i]), Summary.of(acc[5][i])));
        }
        return new Result(config, List.copyOf(rows), Summary.of(selStd), Summary.of(selThr), Summary.of(over));
    }

    /** One repetition: data streams, correlations, both analyses. */
    private static final class Repetition {
        private final Config c;
        private final Seeds seeds;
        private final int n;
        private final double shift;
        private final byte[][] labels = new byte[3][]; // per set, +1 / -1
        private final double[][] accuracy;
        private int selectedStandard;
        private int selectedThresholdout;
        private int overThreshold;

        Repetition(Config c, int r) {
            this.c = c;
            this.seeds = Seeds.of(c.seed()).child("repetition", r);
            this.n = c.n();
            this.shift = c.signalShift();
            this.accuracy = new double[6][c.ks().size()];
        }

        void run() {
            for (int s = 0; s < 3; s++) {
                UniformRandomProvider rng = seeds.child(SETS[s]).child("labels").rng();
                byte[] y = new byte[n];
                for (int i = 0; i < n; i++) {
                    y[i] = (byte) (rng.nextBoolean() ? 1 : -1);
                }
                labels[s] = y;
            }
            int d = c.d();
            double[] train = new double[d];
            double[] holdout = new double[d];
            IntStream.range(0, d).parallel().forEach(j -> {
                train[j] = correlation(0, j);
                holdout[j] = correlation(1, j);
            });

            // the standard holdout: its answers are the holdout correlations as they are
            Holdout standard = new StandardHoldout();
            double[] stdAnswers = new double[d];
            for (int j = 0; j < d; j++) {
                stdAnswers[j] = standard.answer(train[j], holdout[j]);
            }
            int[] stdRank = select(train, stdAnswers);
            selectedStandard = stdRank.length;

            // Thresholdout: one reusable holdout answers every correlation, then every accuracy
            ReusableHoldout thr = new ReusableHoldout(c.threshold(), c.sigma(), d + c.ks().size(), c.noise(),
                    seeds.child("thresholdout").rng());
            double[] thrAnswers = new double[d];
            for (int j = 0; j < d; j++) {
                thrAnswers[j] = thr.answer(train[j], holdout[j]);
            }
            int[] thrRank = select(train, thrAnswers);
            selectedThresholdout = thrRank.length;

            double[][] std = classifierAccuracies(stdRank, train); // [set][k]
            double[][] th = classifierAccuracies(thrRank, train);
            List<Integer> ks = c.ks();
            for (int i = 0; i < ks.size(); i++) {
                if (ks.get(i) == 0) {
                    for (int col = 0; col < 6; col++) {
                        accuracy[col][i] = 0.5; // no classifier: chance, as in the released code
                    }
                    continue;
                }
                accuracy[0][i] = std[0][i];
                accuracy[1][i] = standard.answer(std[0][i], std[1][i]);
                accuracy[2][i] = std[2][i];
                accuracy[3][i] = th[0][i];
                accuracy[4][i] = thr.answer(th[0][i], th[1][i]);
                accuracy[5][i] = th[2][i];
            }
            overThreshold = thr.overThresholdAnswers();
        }

        /** Attribute {@code j} of set {@code s}: n values from its own stream (plus the signal shift). */
        private void column(int s, int j, double[] out) {
            UniformRandomProvider rng = seeds.child(SETS[s]).child("attribute", j).rng();
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            byte[] y = labels[s];
            double sh = j < c.signalFeatures() ? shift : 0;
            for (int i = 0; i < n; i++) {
                out[i] = g.sample() + sh * y[i];
            }
        }

        /** {@code (1/n) sum_i y_i x_ij} on set {@code s}, without storing the column. */
        private double correlation(int s, int j) {
            UniformRandomProvider rng = seeds.child(SETS[s]).child("attribute", j).rng();
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            byte[] y = labels[s];
            double sh = j < c.signalFeatures() ? shift : 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (g.sample() + sh * y[i]) * y[i];
            }
            return sum / n;
        }

        /**
         * The attributes whose training and answered holdout correlations both exceed the selection threshold
         * with the same sign, ranked by |training correlation| (descending; ties by index).
         */
        private int[] select(double[] train, double[] holdoutAnswers) {
            double t = c.selectionThreshold();
            List<Integer> kept = new ArrayList<>();
            for (int j = 0; j < train.length; j++) {
                if ((train[j] > t && holdoutAnswers[j] > t) || (train[j] < -t && holdoutAnswers[j] < -t)) {
                    kept.add(j);
                }
            }
            return kept.stream().sorted((a, b) -> {
                int cmp = Double.compare(Math.abs(train[b]), Math.abs(train[a]));
                return cmp != 0 ? cmp : Integer.compare(a, b);
            }).mapToInt(Integer::intValue).toArray();
        }

        /**
         * Accuracy on each set of the classifier {@code sign(sum_{j in top k} sign(train_j) x_j)} for each k of
         * the grid ([set][k]); the sets are computed in parallel, attributes added in rank order.
         */
        private double[][] classifierAccuracies(int[] rank, double[] train) {
            List<Integer> ks = c.ks();
            double[][] out = new double[3][ks.size()];
            IntStream.range(0, 3).parallel().forEach(s -> {
                double[] score = new double[n];
                double[] col = new double[n];
                byte[] y = labels[s];
                int added = 0;
                for (int i = 0; i < ks.size(); i++) {
                    int use = Math.min(ks.get(i), rank.length);
                    for (; added < use; added++) {
                        int j = rank[added];
                        column(s, j, col);
                        double w = Math.signum(train[j]);
                        for (int p = 0; p < n; p++) {
                            score[p] += w * col[p];
                        }
                    }
                    int correct = 0;
                    for (int p = 0; p < n; p++) {
                        // sign(0) = 0 matches no label, as numpy's sign in the released code
                        correct += (score[p] > 0 && y[p] > 0) || (score[p] < 0 && y[p] < 0) ? 1 : 0;
                    }
                    out[s][i] = (double) correct / n;
                }
            });
            return out;
        }
    }

    /** The grid {@code 0, step, 2 step, ..., max}. */
    public static List<Integer> grid(int step, int max) {
        if (step < 1 || max < 0) {
            throw new IllegalArgumentException("grid needs step >= 1 and max >= 0, got " + step + ", " + max);
        }
        return Arrays.stream(IntStream.rangeClosed(0, max / step).map(i -> i * step).toArray()).boxed().toList();
    }
}
