package dev.quiver.pipeline.sequential;

import com.google.gson.JsonObject;
import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.collect.CollectConfig;
import dev.quiver.data.collect.Collector;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.EpisodeSplit;
import dev.quiver.data.io.D4rlReader;
import dev.quiver.data.io.MinariReader;
import dev.quiver.data.io.MinariWriter;
import dev.quiver.pipeline.config.DataSpec;
import dev.quiver.pipeline.config.TaskSpec;
import dev.quiver.pipeline.io.CsvFile;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunContext;
import dev.quiver.rl.offline.DatasetChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The data stage of a sequential task: collects episodes with the behaviour policy ({@link Collector}; episode
 * {@code i} resets with {@link Collector#episodeSeed}) or reads a Minari / D4RL dataset, then splits them by
 * whole episodes ({@link EpisodeSplit}) into training logs (for the learners) and evaluation logs (for
 * off-policy evaluation, never seen by a learner). Writes {@code train/} and {@code eval/} as Minari datasets,
 * {@code data.json} (counts, the behaviour policy) and {@code episodes.csv} (each episode's split, return and
 * length).
 *
 * <p>Nothing here depends on the estimate settings (discount, confidence, resamples): the logged episodes'
 * discounted value and the intervals of the logged return are computed by the estimate stage, so changing
 * {@code estimate.*} neither collects the episodes again nor retrains the candidates.
 *
 * <p>Seeds: collection uses {@code Seeds.of(seed).child("data").child(env)}, the split its {@code
 * child("split")}.
 */
public final class DataStage {
    /** The training logs' folder in the stage output. */
    public static final String TRAIN = "train";
    /** The evaluation logs' folder in the stage output. */
    public static final String EVAL = "eval";

    private DataStage() {
    }

    /** Runs the stage for {@code task} into {@code dir}. */
    public static void run(TaskSpec task, long studySeed, Path dir, RunContext ctx) {
        DataSpec spec = task.data();
        Seeds seeds = Seeds.of(studySeed).child("data").child(task.env());
        EpisodeDataset all;
        JsonObject doc = new JsonObject();
        try (Env<float[], Object> env = Envs.make(task.env())) {
            if (spec.collects()) {
                ctx.begin(spec.episodes(), "episodes");
                BehaviourPolicy b = new BehaviourPolicy(spec.behaviour(), task.env(), spec.epsilon());
                CollectConfig cc = CollectConfig.defaults().withEpisodes(spec.episodes()).withSeed(seeds.seed())
                        .withEpsilon(b.epsilon());
                all = Collector.collect(env, b.base(env.actionSpace()), cc).recorded().episodes();
                doc.add("behaviour", JsonValues.GSON.toJsonTree(b.toMap()));
                doc.addProperty("behaviour_description", b.describe());
            } else {
                ctx.begin(1, "datasets");
                if (spec.source().equals("minari")) {
                    all = MinariReader.read(spec.path());
                } else if ((Object) env.actionSpace() instanceof Discrete d) {
                    all = D4rlReader.readDiscrete(spec.path(), d.n());
                } else {
                    all = D4rlReader.read(spec.path(), D4rlReader.ActionKind.CONTINUOUS);
                }
                DatasetChecks.requireCompatible("the study", spec.path().toString(), all, env.spec());
                if (spec.behaviourKnown()) {
                    BehaviourPolicy b = new BehaviourPolicy(spec.behaviour(), task.env(), spec.epsilon());
                    doc.add("behaviour", JsonValues.GSON.toJsonTree(b.toMap()));
                    doc.addProperty("behaviour_description", b.describe() + " (as the study file states)");
                } else {
                    doc.addProperty("behaviour_description", "unknown (read from " + spec.path().getFileName() + ")");
                }
            }
            ctx.advance(spec.collects() ? spec.episodes() : 1);
            EpisodeSplit split = EpisodeSplit.of(all, spec.evalFraction(), seeds.child("split"));
            if (split.train().length == 0 || split.validation().length == 0) {
                throw new QuiverUserException(task.env() + ": " + all.numEpisodes()
                        + " episodes with eval_fraction " + spec.evalFraction() + " leave an empty part; collect more"
                        + " episodes");
            }
            EpisodeDataset train = split.trainSet(all);
            EpisodeDataset eval = split.validationSet(all);
            String slug = task.env().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
            MinariWriter.of("pipeline/" + slug + "-train-v0", env.observationSpace(), env.actionSpace())
                    .withMetadata("algorithm_name", "behaviour").write(dir.resolve(TRAIN), train);
            MinariWriter.of("pipeline/" + slug + "-eval-v0", env.observationSpace(), env.actionSpace())
                    .withMetadata("algorithm_name", "behaviour").write(dir.resolve(EVAL), eval);
            double[] returns = all.returns();
            doc.addProperty("env", task.env());
            doc.addProperty("source", spec.source());
            doc.addProperty("episodes", all.numEpisodes());
            doc.addProperty("steps", all.numSteps());
            doc.addProperty("train_episodes", train.numEpisodes());
            doc.addProperty("train_steps", train.numSteps());
            doc.addProperty("eval_episodes", eval.numEpisodes());
            doc.addProperty("eval_steps", eval.numSteps());
            doc.addProperty("discrete_actions", all.discrete());
            JsonValues.write(dir.resolve("data.json"), doc);
            CsvFile csv = new CsvFile("episode", "split", "return", "length");
            boolean[] isEval = new boolean[all.numEpisodes()];
            for (int i : split.validation()) {
                isEval[i] = true;
            }
            for (int i = 0; i < all.numEpisodes(); i++) {
                csv.row(i, isEval[i] ? "eval" : "train", returns[i], all.episodeLength(i));
            }
            csv.write(dir.resolve("episodes.csv"));
        }
    }

    /** The undiscounted return of every logged episode (training and evaluation), from {@code episodes.csv}. */
    public static double[] loggedReturns(Path dataDir) {
        Path file = dataDir.resolve("episodes.csv");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            double[] out = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                out[i - 1] = Double.parseDouble(lines.get(i).split(",")[2]);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new QuiverUserException("cannot read the logged returns in " + file + ": " + e.getMessage(), e);
        }
    }
}
