package dev.quiver.pipeline.sequential;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Box;
import dev.quiver.eval.bootstrap.PercentileBootstrap;
import dev.quiver.pipeline.config.QuantifySpec;
import dev.quiver.pipeline.config.TaskSpec;
import dev.quiver.pipeline.conformal.ClopperPearson;
import dev.quiver.pipeline.exec.Task;
import dev.quiver.pipeline.io.CsvFile;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunContext;
import dev.quiver.uq.conformal.ConformalQuantile;
import dev.quiver.uq.conformal.PredictionIntervals;
import dev.quiver.uq.conformal.regression.AbsoluteResidualScore;
import dev.quiver.uq.conformal.regression.CqrScore;
import dev.quiver.uq.conformal.regression.FittedRegressionScore;
import dev.quiver.uq.conformal.regression.IntervalPredictor;
import dev.quiver.uq.conformal.regression.RegressionScore;
import dev.quiver.uq.conformal.regression.SplitConformalRegressor;
import dev.quiver.uq.data.DataSplit;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.metrics.IntervalMetrics;
import dev.quiver.uq.model.linear.LinearQuantileRegression;
import dev.quiver.uq.model.linear.LinearRegression;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The quantify stage of a sequential task: a conformal prediction interval for the episode return of the
 * selected policy, given the episode's initial observation, with quiver-uq's split conformal regression. The
 * selected policy plays {@code episodes} fresh episodes (seeds {@code Seeds.of(seed).child("quantify").child(env)},
 * disjoint from verification's); they are shuffled and split into a fit part, a calibration part and a test part:
 * <ul>
 *   <li>{@code split}: the absolute residual of a ridge regression of the return on the initial observation
 *       (quiver-uq's {@link LinearRegression}, penalty {@value #LAMBDA} on standardised features), a
 *       constant-width interval;</li>
 *   <li>{@code cqr}: conformalized quantile regression on linear quantile regressions at levels {@code alpha / 2}
 *       and {@code 1 - alpha / 2} ({@link LinearQuantileRegression}), an interval whose width adapts to the
 *       initial state.</li>
 * </ul>
 * The calibration scores' {@code ceil((n + 1)(1 - alpha))}-th smallest is the threshold ({@link
 * SplitConformalRegressor#calibrate}). Episodes are i.i.d. given the policy, so calibration and test episodes are
 * exchangeable and {@code P(return in interval) >= 1 - alpha}; at most {@code 1 - alpha + 1 / (n + 1)} when the
 * scores have no ties (CartPole's capped return of 500 gives ties). The empirical coverage on the test episodes
 * has an exact binomial interval ({@link ClopperPearson}); the mean return over all the stage's episodes a
 * percentile-bootstrap interval (resamples from {@code Seeds.of(seed).child("quantify").child(env)
 * .child("bootstrap")}). Writes {@code quantify.json} and {@code quantify.csv} (the test episodes).
 *
 * @see <a href="https://arxiv.org/abs/1604.04173">Lei et al. (2018), Distribution-Free Predictive Inference for
 *     Regression, arXiv:1604.04173</a>
 * @see <a href="https://arxiv.org/abs/1905.03222">Romano, Patterson and Candes (2019), Conformalized Quantile
 *     Regression, arXiv:1905.03222</a>
 */
public final class QuantifyStage {
    /** The ridge penalty of the split method's return predictor (on standardised features; quiver-uq's scale). */
    static final double LAMBDA = 1.0;

    private QuantifyStage() {
    }

    /**
     * Runs the stage for {@code task} into {@code dir}; {@code confidence} and {@code bootstrap} (resamples) are
     * the study's, for the intervals of the empirical coverage and of the mean return.
     *
     * @throws QuiverUserException before any episode is played if the fit part is too small for the regression
     */
    public static void run(TaskSpec task, QuantifySpec spec, double gamma, double confidence, int bootstrap,
            long studySeed, Path learnDir, Path estimateDir, Path dir, RunContext ctx) {
        requireFitEpisodes(task.env(), spec);
        JsonObject estimate = JsonValues.read(estimateDir.resolve("estimate.json"));
        String selected = estimate.get("selected").getAsString();
        String checkpoint = null;
        for (JsonElement e : JsonValues.read(learnDir.resolve("learn.json")).getAsJsonArray("policies")) {
            if (e.getAsJsonObject().get("id").getAsString().equals(selected)) {
                checkpoint = e.getAsJsonObject().get("checkpoint").getAsString();
            }
        }
        Seeds seeds = Seeds.of(studySeed).child("quantify").child(task.env());
        JsonObject p = new JsonObject();
        p.addProperty("env", task.env());
        p.addProperty("episodes", spec.episodes());
        p.addProperty("seed", Math.floorMod(seeds.seed(), 1L << 40));
        p.addProperty("gamma", gamma);
        p.addProperty("checkpoint", learnDir.resolve(checkpoint).toString());
        p.addProperty("initial_observations", true);
        ctx.begin(spec.episodes(), "episodes");
        JsonObject r = ctx.run(List.of(new Task(SequentialTasks.ROLLOUTS, p, "quantify " + task.env() + " "
                + selected, spec.episodes()))).get(0);
        double[] returns = JsonValues.doubles(r.get("returns"));
        float[][] starts = JsonValues.floatRows(r.get("initial_observations"));
        int n = returns.length;
        int[] order = DataSplit.permutation(n, seeds.child("split").rng());
        int nFit = (int) Math.floor(spec.fitFraction() * n);
        int nCal = (int) Math.floor(spec.calibrationFraction() * n);
        int nTest = n - nFit - nCal;
        int[] fit = Arrays.copyOfRange(order, 0, nFit);
        int[] cal = Arrays.copyOfRange(order, nFit, nFit + nCal);
        int[] test = Arrays.copyOfRange(order, nFit + nCal, n);
        RegressionScore score;
        String method;
        if (spec.method().equals("cqr")) {
            score = CqrScore.of(LinearQuantileRegression.defaults(), spec.alpha());
            method = "conformalized quantile regression (CQR) on linear quantile regressions of the return on the"
                    + " initial observation";
        } else {
            score = new AbsoluteResidualScore(LinearRegression.ridge(LAMBDA));
            method = "split conformal, absolute residuals of a ridge regression (lambda " + LAMBDA + ") of the return"
                    + " on the initial observation";
        }
        SplitConformalRegressor conformal = new SplitConformalRegressor(spec.method(), score, spec.alpha(), 0.5);
        FittedRegressionScore fitted = score.fit(rows(starts, fit), pick(returns, fit), seeds.child("fit"));
        double[] calScores = fitted.scores(rows(starts, cal), pick(returns, cal));
        IntervalPredictor predictor = conformal.calibrate(fitted, rows(starts, cal), pick(returns, cal));
        PredictionIntervals intervals = predictor.predict(rows(starts, test));
        double[] yTest = pick(returns, test);
        CsvFile csv = new CsvFile("episode", "low", "high", "return", "covered");
        int covered = 0;
        double[] meanStart = new double[starts[0].length];
        for (int j = 0; j < nTest; j++) {
            boolean in = intervals.covers(j, yTest[j]);
            covered += in ? 1 : 0;
            csv.row(test[j], intervals.lower(j), intervals.upper(j), yTest[j], in);
            for (int k = 0; k < meanStart.length; k++) {
                meanStart[k] += starts[test[j]][k] / (double) nTest;
            }
        }
        PredictionIntervals atMean = predictor.predict(Matrix.of(new double[][] {meanStart}));
        Set<Double> distinct = new HashSet<>();
        for (double sc : calScores) {
            distinct.add(sc);
        }
        Estimate coverage = ClopperPearson.of(covered, nTest, confidence);
        JsonObject doc = new JsonObject();
        doc.addProperty("env", task.env());
        doc.addProperty("policy", selected);
        doc.addProperty("method", method);
        doc.addProperty("alpha", spec.alpha());
        doc.addProperty("nominal_coverage", 1 - spec.alpha());
        doc.addProperty("episodes", n);
        doc.addProperty("fit_episodes", nFit);
        doc.addProperty("calibration_episodes", nCal);
        doc.addProperty("test_episodes", nTest);
        doc.addProperty("rank", ConformalQuantile.upperRank(nCal, spec.alpha()));
        doc.addProperty("threshold", ConformalQuantile.upper(calScores, spec.alpha()));
        doc.addProperty("mean_width", IntervalMetrics.meanWidth(intervals));
        doc.addProperty("distinct_scores", distinct.size());
        doc.addProperty("coverage_upper_bound", distinct.size() == nCal
                ? 1 - spec.alpha() + 1.0 / (nCal + 1) : Double.NaN);
        doc.add("empirical_coverage", JsonValues.estimate(coverage));
        doc.addProperty("interval_at_mean_start_low", atMean.lower(0));
        doc.addProperty("interval_at_mean_start_high", atMean.upper(0));
        doc.add("mean_return", JsonValues.estimate(PercentileBootstrap.mean(returns, confidence, bootstrap,
                seeds.child("bootstrap").rng())));
        doc.addProperty("implementation", "quiver-uq SplitConformalRegressor (" + spec.method() + ")");
        JsonValues.write(dir.resolve("quantify.json"), doc);
        csv.write(dir.resolve("quantify.csv"));
    }

    /**
     * Checks that {@code spec}'s fit part has at least {@link QuantifySpec#minFitEpisodes} episodes for {@code env}'s
     * initial observations (the study parser checks this already; this guards other ways in).
     */
    static void requireFitEpisodes(String env, QuantifySpec spec) {
        int dim;
        try (Env<Object, Object> e = Envs.make(env)) {
            dim = e.spec().observationSpace() instanceof Box<?> b ? b.size() : 0;
        }
        int need = QuantifySpec.minFitEpisodes(dim);
        if (spec.fitEpisodes() < need) {
            throw new QuiverUserException(env + ": quantify: fit_fraction " + spec.fitFraction() + " of "
                    + spec.episodes() + " episodes gives " + spec.fitEpisodes() + " fitting episode(s), but the"
                    + " regression of the return on the initial observation" + (dim > 0 ? " (" + dim + " dimensions)"
                            : "") + " needs at least " + need + "; use episodes: " + QuantifySpec.smallestEpisodes(
                                    spec.fitFraction(), need) + " or more");
        }
    }

    private static Matrix rows(float[][] starts, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = new double[starts[idx[i]].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = starts[idx[i]][j];
            }
        }
        return Matrix.of(out);
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }
}
