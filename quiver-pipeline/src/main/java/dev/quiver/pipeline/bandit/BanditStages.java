package dev.quiver.pipeline.bandit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.ope.bandit.BootstrapSettings;
import dev.quiver.ope.bandit.Estimators;
import dev.quiver.ope.bandit.OffPolicyEstimator;
import dev.quiver.ope.bandit.OnPolicyComparison;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.data.OpenBanditDataset;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import dev.quiver.ope.bandit.synthetic.RewardFunction;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditConfig;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditDataset;
import dev.quiver.ope.model.CrossFitting;
import dev.quiver.ope.model.LogisticRewardModel;
import dev.quiver.ope.model.RewardFeatures;
import dev.quiver.ope.model.RewardModel;
import dev.quiver.ope.model.RidgeRewardModel;
import dev.quiver.pipeline.config.BanditCandidateSpec;
import dev.quiver.pipeline.config.BanditDataSpec;
import dev.quiver.pipeline.config.BanditEstimateSpec;
import dev.quiver.pipeline.config.BanditStudy;
import dev.quiver.pipeline.io.CsvFile;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunContext;
import dev.quiver.pipeline.selection.EstimateRanking;
import dev.quiver.pipeline.selection.OpeVsTruth;
import dev.quiver.uq.data.DataSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stages of a bandit study. Data: synthetic logs from Open Bandit Pipeline's generator (with fresh
 * "truth" contexts that carry their expected rewards) or an Open Bandit Dataset folder, split at random into
 * training and evaluation rounds. Learn: every candidate is learned on the training rounds ({@link
 * BanditCandidates}) and its action probabilities on the evaluation (and truth) rounds are written. Estimate:
 * every candidate is evaluated on the evaluation rounds with each estimator (the model-based ones with a reward
 * model cross-fitted on those rounds), with bootstrap intervals, and ranked. Verify (synthetic logs only): each
 * candidate's true value over the truth contexts, and how well each estimator's ranking did (SharpeRatio@k
 * and the rest, with the logging policy's true value as the baseline).
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 * @see <a href="https://arxiv.org/abs/2311.18207">Kiyohara et al. (2024), Towards Assessing and Benchmarking
 *     Risk-Return Tradeoff of Off-Policy Evaluation, arXiv:2311.18207</a>
 */
public final class BanditStages {
    private BanditStages() {
    }

    // ------------------------------------------------------------------ data

    /**
     * The data stage: writes {@code train}, {@code eval} (and {@code truth}) logs and {@code data.json}. Nothing
     * here depends on the estimate settings: the evaluation rounds' mean reward, with its interval at the study's
     * confidence and resamples, is the estimate stage's {@code logged_mean_reward}.
     */
    public static void data(BanditStudy study, long seed, Path dir, RunContext ctx) throws IOException {
        BanditDataSpec spec = study.data();
        Seeds seeds = Seeds.of(seed).child("bandit-data");
        ctx.begin(1, "datasets");
        LoggedBanditData all;
        LoggedBanditData truth = null;
        JsonObject doc = new JsonObject();
        if (spec.synthetic()) {
            RewardFunction f = null;
            for (RewardFunction r : RewardFunction.values()) {
                if (r.cliName().equals(spec.rewardFunction())) {
                    f = r;
                }
            }
            SyntheticBanditConfig cfg = new SyntheticBanditConfig(spec.actions(), spec.contextDim(), 0, f, 1.0,
                    spec.beta());
            SyntheticBanditDataset sim = SyntheticBanditDataset.build(cfg, seeds.child("simulator").seed());
            all = sim.sample(spec.rounds(), seeds.child("logs").rng());
            truth = sim.sample(study.truthContexts(), seeds.child("truth").rng());
            doc.addProperty("description", "synthetic logs (Open Bandit Pipeline's generator): " + spec.actions()
                    + " actions, contexts N(0, I_" + spec.contextDim() + "), " + spec.rewardFunction()
                    + " expected rewards, softmax logging policy with beta " + spec.beta());
        } else {
            Path folder = obdFolder(spec);
            all = OpenBanditDataset.read(folder);
            doc.addProperty("description", "Open Bandit Dataset logs " + folder + " (" + spec.policy()
                    + " logging policy)");
        }
        int n = all.size();
        int[] perm = DataSplit.permutation(n, seeds.child("split").rng());
        int nEval = (int) Math.round(spec.evalFraction() * n);
        int[] evalRows = Arrays.copyOfRange(perm, 0, nEval);
        int[] trainRows = Arrays.copyOfRange(perm, nEval, n);
        Arrays.sort(evalRows);
        Arrays.sort(trainRows);
        LoggedBanditData train = all.subset(trainRows);
        LoggedBanditData eval = all.subset(evalRows);
        BanditLogFiles.write(dir.resolve("train.safetensors"), train);
        BanditLogFiles.write(dir.resolve("eval.safetensors"), eval);
        if (truth != null) {
            BanditLogFiles.write(dir.resolve("truth.safetensors"), truth);
        }
        ctx.advance(1);
        doc.addProperty("source", spec.source());
        doc.addProperty("rounds", n);
        doc.addProperty("train_rounds", train.size());
        doc.addProperty("eval_rounds", eval.size());
        doc.addProperty("actions", all.numActions());
        doc.addProperty("positions", all.numPositions());
        doc.addProperty("context_dim", all.contextDim());
        doc.addProperty("truth_contexts", truth == null ? 0 : truth.size());
        JsonValues.write(dir.resolve("data.json"), doc);
    }

    /** The Open Bandit Dataset folder of {@code spec}: a campaign folder itself, or {@code root/policy/campaign}. */
    static Path obdFolder(BanditDataSpec spec) {
        Path p = spec.path();
        Path name = p.toAbsolutePath().normalize().getFileName();
        if (name != null && Files.isRegularFile(p.resolve(name + ".csv"))) {
            return p;
        }
        Path inner = p.resolve(spec.policy()).resolve(spec.campaign());
        if (!Files.isDirectory(inner)) {
            throw new QuiverUserException(p + ": neither an Open Bandit Dataset campaign folder ({policy}/{campaign}"
                    + " holding {campaign}.csv) nor a root holding " + spec.policy() + "/" + spec.campaign());
        }
        return inner;
    }

    // ------------------------------------------------------------------ learn

    /** The learn stage: writes each candidate's distributions and {@code learn.json}. */
    public static void learn(BanditStudy study, long seed, Path dataDir, Path dir, RunContext ctx) throws IOException {
        LoggedBanditData train = BanditLogFiles.read(dataDir.resolve("train.safetensors"));
        LoggedBanditData eval = BanditLogFiles.read(dataDir.resolve("eval.safetensors"));
        Path truthFile = dataDir.resolve("truth.safetensors");
        LoggedBanditData truth = Files.exists(truthFile) ? BanditLogFiles.read(truthFile) : null;
        ctx.begin(study.candidates().size(), "candidates");
        JsonArray list = new JsonArray();
        JsonObject timings = new JsonObject();
        for (BanditCandidateSpec c : study.candidates()) {
            long t0 = System.nanoTime();
            BanditCandidates.Fitted f = BanditCandidates.fit(c, train, study.data(), Seeds.of(seed).child("candidate")
                    .child(c.name()).seed());
            BanditLogFiles.writeDistribution(dir.resolve(c.name() + ".eval.safetensors"), f.on(eval));
            if (truth != null) {
                BanditLogFiles.writeDistribution(dir.resolve(c.name() + ".truth.safetensors"), f.on(truth));
            }
            JsonObject o = new JsonObject();
            o.addProperty("name", c.name());
            o.addProperty("kind", c.kind());
            o.addProperty("description", f.describe());
            timings.addProperty(c.name(), (System.nanoTime() - t0) / 1e9);
            o.add("config", JsonValues.GSON.toJsonTree(c.toMap()));
            list.add(o);
            ctx.advance(1);
        }
        JsonObject doc = new JsonObject();
        doc.add("candidates", list);
        JsonValues.write(dir.resolve("learn.json"), doc);
        JsonValues.write(dir.resolve(dev.quiver.pipeline.cache.StageCache.TIMINGS), timings);
    }

    // ------------------------------------------------------------------ estimate

    /** The estimate stage: writes {@code estimate.json} and {@code estimates.csv}. */
    public static void estimate(BanditStudy study, long seed, Path dataDir, Path learnDir, Path dir, RunContext ctx) {
        BanditEstimateSpec spec = study.estimate();
        LoggedBanditData eval = BanditLogFiles.read(dataDir.resolve("eval.safetensors"));
        ctx.begin(study.candidates().size(), "candidates");
        boolean modelNeeded = false;
        List<OffPolicyEstimator> estimators = new ArrayList<>();
        for (String e : spec.estimators()) {
            OffPolicyEstimator est = Estimators.byName(e);
            estimators.add(est);
            modelNeeded |= est.usesRewardModel();
        }
        Seeds seeds = Seeds.of(seed).child("bandit-estimate");
        RewardModel model = spec.rewardModel().equals("ridge")
                ? RidgeRewardModel.defaults().withFeatures(RewardFeatures.INTERACTION)
                : LogisticRewardModel.defaults().withFeatures(RewardFeatures.INTERACTION);
        if (modelNeeded && spec.rewardModel().equals("logistic") && !eval.binaryRewards()) {
            throw new QuiverUserException("estimate.reward_model: logistic needs 0/1 rewards; use ridge");
        }
        double[][] qHat = modelNeeded ? CrossFitting.fitPredict(model, eval, Math.min(spec.folds(), eval.size()),
                seeds.child("cross-fitting").seed()) : null;
        BootstrapSettings bs = new BootstrapSettings(spec.bootstrap(), seeds.child("bootstrap").seed(),
                spec.confidence());
        JsonObject byCandidate = new JsonObject();
        CsvFile csv = new CsvFile("candidate", "estimator", "value", "low", "high", "confidence", "method");
        List<String> names = new ArrayList<>();
        for (BanditCandidateSpec c : study.candidates()) {
            ActionDistribution pi = BanditLogFiles.readDistribution(learnDir.resolve(c.name() + ".eval.safetensors"));
            JsonObject o = new JsonObject();
            for (int j = 0; j < estimators.size(); j++) {
                Estimate x = estimators.get(j).estimate(eval, pi, qHat, bs);
                o.add(spec.estimators().get(j), JsonValues.estimate(x));
                csv.row(c.name(), spec.estimators().get(j), x.point(), x.low(), x.high(), x.confidence(), x.method());
            }
            byCandidate.add(c.name(), o);
            names.add(c.name());
            ctx.advance(1);
        }
        List<String> ranking = EstimateRanking.rank(names, byCandidate, spec.selectBy(), spec.rankBy());
        JsonObject doc = new JsonObject();
        doc.add("estimators", JsonValues.GSON.toJsonTree(spec.estimators()));
        doc.addProperty("reward_model", modelNeeded ? model.name() + ", " + spec.folds() + "-fold cross-fitting on the"
                + " evaluation rounds" : "none");
        doc.addProperty("select_by", spec.selectBy());
        doc.addProperty("rank_by", spec.rankBy());
        doc.add("logged_mean_reward", JsonValues.estimate(OnPolicyComparison.onPolicyValue(eval, bs)));
        doc.add("candidates", byCandidate);
        doc.add("ranking", JsonValues.GSON.toJsonTree(ranking));
        doc.addProperty("selected", ranking.get(0));
        JsonValues.write(dir.resolve("estimate.json"), doc);
        csv.write(dir.resolve("estimates.csv"));
    }

    // ------------------------------------------------------------------ verify

    /** The verify stage (synthetic logs): writes {@code verify.json} and {@code truth.csv}. */
    public static void verify(BanditStudy study, Path dataDir, Path learnDir, Path estimateDir, Path dir,
            RunContext ctx) {
        LoggedBanditData truth = BanditLogFiles.read(dataDir.resolve("truth.safetensors"));
        JsonObject est = JsonValues.read(estimateDir.resolve("estimate.json"));
        double[][] q = truth.expectedRewards();
        ctx.begin(study.candidates().size(), "candidates");
        List<String> names = new ArrayList<>();
        double[] values = new double[study.candidates().size()];
        double logging = Double.NaN;
        CsvFile csv = new CsvFile("candidate", "true_value");
        for (int i = 0; i < values.length; i++) {
            BanditCandidateSpec c = study.candidates().get(i);
            names.add(c.name());
            values[i] = BanditLogFiles.readDistribution(learnDir.resolve(c.name() + ".truth.safetensors")).valueUnder(q);
            if (c.kind().equals("logging")) {
                logging = values[i];
            }
            csv.row(c.name(), values[i]);
            ctx.advance(1);
        }
        if (Double.isNaN(logging)) {
            logging = ScorePolicyValue.logging(truth, study.data().beta());
        }
        JsonObject doc = new JsonObject();
        JsonObject tv = new JsonObject();
        for (int i = 0; i < values.length; i++) {
            tv.addProperty(names.get(i), values[i]);
        }
        doc.add("true_values", tv);
        doc.addProperty("logging_value", logging);
        doc.addProperty("truth_contexts", truth.size());
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        String selected = est.get("selected").getAsString();
        doc.addProperty("best", names.get(best));
        doc.addProperty("selected", selected);
        doc.addProperty("selection_regret", values[best] - values[names.indexOf(selected)]);
        doc.add("ope_vs_truth", OpeVsTruth.of(est.getAsJsonObject("candidates"), est.getAsJsonArray("estimators"),
                names, values, logging, "candidates"));
        JsonValues.write(dir.resolve("verify.json"), doc);
        csv.write(dir.resolve("truth.csv"));
    }

    /** The logging policy's true value when no candidate is the logging policy. */
    private static final class ScorePolicyValue {
        static double logging(LoggedBanditData truth, double beta) {
            return dev.quiver.ope.bandit.policy.ScorePolicy.softmax(beta).apply(truth.expectedRewards())
                    .valueUnder(truth.expectedRewards());
        }
    }
}
