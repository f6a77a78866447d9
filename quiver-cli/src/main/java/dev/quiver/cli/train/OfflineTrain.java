package dev.quiver.cli.train;

import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.io.AtomicFiles;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.io.D4rlReader;
import dev.quiver.data.io.MinariReader;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.Algorithms.OfflineAlgorithm;
import dev.quiver.rl.agent.SavablePolicy;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.eval.Evaluation;
import dev.quiver.rl.eval.EvaluationResult;
import dev.quiver.rl.offline.BatchSource;
import dev.quiver.rl.offline.DatasetChecks;
import dev.quiver.rl.offline.NormalisedScore;
import dev.quiver.rl.offline.OfflineLearner;
import dev.quiver.rl.offline.OfflineLearnerConfig;
import dev.quiver.rl.offline.PeriodicEvaluation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code quiver train ALGO --dataset PATH --env ID --steps N} for the offline algorithms: reads the dataset
 * (a Minari directory, or a D4RL-style HDF5 file), checks it against the env, trains each seed for N gradient
 * steps with periodic online evaluation (keeping the best policy), saves a checkpoint per seed, evaluates the
 * final policy and reports the IQM over seeds, with normalised scores where {@link NormalisedScore} knows the
 * env. Output layout as online training's: {@code config.json}, {@code seed-S/metrics.jsonl},
 * {@code seed-S/checkpoint/}, {@code seed-S/best/}, {@code seed-S/eval.json}.
 */
final class OfflineTrain {
    private final TrainCommand c;

    private OfflineTrain(TrainCommand c) {
        this.c = c;
    }

    /** Runs the command's offline training (the command's options already parsed). */
    static int run(TrainCommand c) {
        return new OfflineTrain(c).run();
    }

    /** One seed's outcome. */
    private record SeedResult(long seed, EvaluationResult eval, EvaluationResult best, long bestStep, double wall) {
    }

    private int run() {
        if (c.dataset == null) {
            throw new QuiverUserException("'" + c.algorithm + "' is an offline algorithm: give --dataset PATH (a Minari"
                    + " dataset directory or a D4RL .hdf5 file), e.g. quiver train " + c.algorithm
                    + " --dataset data/pendulum-expert --env Pendulum-v1 --steps 100000");
        }
        if (c.envId == null || c.steps == null) {
            throw new QuiverUserException("give --env (the env to evaluate on, matching the dataset) and --steps (gradient"
                    + " steps), e.g. quiver train " + c.algorithm + " --dataset " + c.dataset + " --env Pendulum-v1"
                    + " --steps 100000");
        }
        if (c.checkpointEvery != null) {
            throw new QuiverUserException("--checkpoint-every: offline training does not save a resumable training state");
        }
        if (c.steps < 1) {
            throw new QuiverUserException("--steps must be at least 1, got " + c.steps);
        }
        if (c.seed != null && c.seedList != null) {
            throw new QuiverUserException("give either --seed or --seeds, not both");
        }
        long evalEvery = c.evalEvery != null ? c.evalEvery : Math.max(1000, c.steps / 20);
        if (evalEvery < 0) {
            throw new QuiverUserException("--eval-every must be >= 0 (0: never), got " + evalEvery);
        }
        if (c.periodicEpisodes < 1) {
            throw new QuiverUserException("--eval-every-episodes must be at least 1, got " + c.periodicEpisodes);
        }
        OfflineAlgorithm algo = Algorithms.offline(c.algorithm);
        long[] seeds = c.seedList != null ? SeedList.parse(c.seedList, "--seeds") : new long[] {c.seed == null ? 0 : c.seed};
        Map<String, String> fileSettings = c.configFile == null ? Map.of() : YamlConfigFile.read(c.configFile);
        OfflineLearnerConfig config = ConfigOverrides.configure(algo, c.configFile, fileSettings, c.overrides);
        return train(algo.name(), config, seeds, evalEvery);
    }

    /** The dataset at {@code --dataset}: a Minari directory, or a D4RL file read with the env's action kind. */
    static EpisodeDataset read(Path path, EnvSpec env) {
        if (Files.isDirectory(path)) {
            return MinariReader.read(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new QuiverUserException("--dataset " + path + ": no such file or directory (give a Minari dataset"
                    + " directory or a D4RL .hdf5 file)");
        }
        if (env.actionSpace() instanceof Discrete d) {
            return D4rlReader.readDiscrete(path, d.n());
        }
        return D4rlReader.read(path, D4rlReader.ActionKind.CONTINUOUS);
    }

    private <A> int train(String algo, OfflineLearnerConfig config, long[] seeds, long evalEvery) {
        PrintWriter stdout = c.spec.commandLine().getOut();
        PrintWriter stderr = c.spec.commandLine().getErr();
        List<SeedResult> results = new ArrayList<>();
        long started = System.nanoTime();
        String envName;
        Path dir;
        EpisodeDataset data;
        try (Env<float[], A> env = Envs.make(c.envId)) {
            envName = env.spec().id();
            OfflineLearner<A> learner = config.build(env.spec());
            data = read(c.dataset, env.spec());
            DatasetChecks.requireCompatible(algo.toUpperCase(Locale.ROOT), c.dataset.toString(), data, env.spec());
            dir = c.out != null ? c.out : Path.of("runs", algo + "-" + envName + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Map<String, Object> cfgDoc = new LinkedHashMap<>();
            cfgDoc.put("algorithm", algo);
            cfgDoc.put("kind", "offline");
            cfgDoc.put("dataset", c.dataset.toString());
            cfgDoc.put("sampling", c.sampling().scheme().shortName());
            cfgDoc.put("sampling_temperature", c.sampling().temperature());
            cfgDoc.put("env", envName);
            cfgDoc.put("steps", c.steps);
            cfgDoc.put("seeds", seeds);
            cfgDoc.put("eval_episodes", c.evalEpisodes);
            cfgDoc.put("eval_every", evalEvery);
            cfgDoc.put("eval_every_episodes", c.periodicEpisodes);
            cfgDoc.put("config", config.toMap());
            AtomicFiles.writeString(dir.resolve("config.json"), Json.toJson(cfgDoc), "--out " + dir);
            stdout.println("train " + algo + " offline on " + c.dataset + " (" + data.numEpisodes() + " episodes, "
                    + data.numSteps() + " steps), evaluated on " + envName + ": " + c.steps + " gradient steps x "
                    + seeds.length + " seed(s) " + java.util.Arrays.toString(seeds) + ", output in " + dir);
            stdout.flush();
            for (long s : seeds) {
                results.add(trainOne(learner, data, env, s, dir.resolve("seed-" + s), evalEvery, stderr));
            }
        }
        double total = (System.nanoTime() - started) / 1e9;
        Optional<NormalisedScore.Reference> ref = NormalisedScore.reference(envName);
        Table t = new Table(">seed", ">final eval mean", ">95% interval", ">normalised", ">best step", ">best eval mean",
                ">wall s", ">grad steps/s");
        for (SeedResult r : results) {
            Estimate m = r.eval().meanReturn();
            t.row(r.seed(), Format.num(m.point()), Format.interval(m),
                    ref.map(x -> Format.num(x.score(m.point()))).orElse("-"),
                    r.best() == null ? "-" : r.bestStep() + 1,
                    r.best() == null ? "-" : Format.num(r.best().meanReturn().point()),
                    String.format(Locale.ROOT, "%.1f", r.wall()), String.format(Locale.ROOT, "%.0f", c.steps / r.wall()));
        }
        t.print(stdout);
        long bootstrapSeed = seeds.length == 1 ? seeds[0] : 0;
        Estimate iqm = TrainCommand.iqm(results.stream().mapToDouble(r -> r.eval().meanReturn().point()).toArray(),
                bootstrapSeed);
        stdout.println("IQM of final eval mean return over " + seeds.length + " seed(s): " + Format.num(iqm.point())
                + ", 95% interval " + Format.interval(iqm) + ref.map(x -> "; normalised score " + Format.num(
                        x.score(iqm.point())) + " (random " + Format.num(x.random()) + ", expert " + Format.num(x.expert())
                        + ")").orElse("") + "; total wall " + String.format(Locale.ROOT, "%.1f", total) + " s");
        stdout.flush();
        if (c.json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "train");
            doc.put("kind", "offline");
            doc.put("algorithm", algo);
            doc.put("dataset", c.dataset.toString());
            doc.put("env", envName);
            doc.put("steps", c.steps);
            doc.put("seeds", seeds);
            doc.put("config", config.toMap());
            doc.put("out", dir.toString());
            List<Map<String, Object>> per = new ArrayList<>();
            for (SeedResult r : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seed", r.seed());
                m.put("eval_mean_return", r.eval().meanReturn());
                m.put("eval_returns", r.eval().returns());
                ref.ifPresent(x -> m.put("normalised_score", x.score(r.eval().meanReturn().point())));
                if (r.best() != null) {
                    m.put("best_step", r.bestStep());
                    m.put("best_eval_mean_return", r.best().meanReturn());
                }
                m.put("wall_seconds", r.wall());
                m.put("gradient_steps_per_second", c.steps / r.wall());
                m.put("checkpoint", dir.resolve("seed-" + r.seed()).resolve("checkpoint").toString());
                per.add(m);
            }
            doc.put("per_seed", per);
            doc.put("iqm_eval_mean_return", iqm);
            ref.ifPresent(x -> doc.put("iqm_normalised_score", x.score(iqm.point())));
            doc.put("total_wall_seconds", total);
            Json.writeFile(c.json, doc);
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private <A> SeedResult trainOne(OfflineLearner<A> learner, EpisodeDataset data, Env<float[], A> env, long s,
            Path dir, long evalEvery, PrintWriter stderr) {
        long t0 = System.nanoTime();
        Path bestDir = dir.resolve(TrainCommand.BEST_DIR);
        long[] bestStep = {-1};
        double[] bestMean = {Double.NaN};
        long steps = c.steps;
        TrainedPolicy<A> policy;
        try (MetricsLog log = new MetricsLog(dir.resolve("metrics.jsonl"));
                Env<float[], A> evalEnv = Envs.make(c.envId)) {
            long[] nextReport = {Math.max(1, steps / 10)};
            TrainingCallback logging = (step, metrics) -> {
                log.write(step, metrics);
                if (!c.noProgress && step + 1 >= nextReport[0]) {
                    nextReport[0] += Math.max(1, steps / 10);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    stderr.println(String.format(Locale.ROOT, "seed %d: gradient step %d/%d (%d%%), %.0f steps/s%s", s,
                            step + 1, steps, (step + 1) * 100 / steps, (step + 1) / Math.max(secs, 1e-9),
                            Double.isNaN(bestMean[0]) ? "" : ", best eval mean " + Format.num(bestMean[0])));
                    stderr.flush();
                }
            };
            TrainingCallback cb = evalEvery == 0 ? logging : new PeriodicEvaluation<>(evalEnv, evalEvery,
                    c.periodicEpisodes, TrainCommand.PERIODIC_SEED_OFFSET + 1000 * s, logging,
                    (step, current, result) -> {
                        double mean = result.meanReturn().point();
                        if (bestStep[0] < 0 || mean > bestMean[0]) {
                            bestStep[0] = step;
                            bestMean[0] = mean;
                            if (current instanceof SavablePolicy<?, ?> savable) {
                                savable.save(bestDir);
                            }
                        }
                    });
            policy = learner.fit(data, BatchSource.of(c.sampling()), steps, s, cb);
        }
        try (policy) {
            double wall = (System.nanoTime() - t0) / 1e9;
            policy.save(dir.resolve("checkpoint"));
            EvaluationResult eval = Evaluation.run(env, (Policy<float[], A>) policy, c.evalEpisodes,
                    TrainCommand.EVAL_SEED_OFFSET + s);
            EvaluationResult best = null;
            if (bestStep[0] >= 0 && Files.isDirectory(bestDir)) {
                try (TrainedPolicy<?> b = Algorithms.load(bestDir)) {
                    best = Evaluation.run(env, (Policy<float[], A>) b, c.evalEpisodes, TrainCommand.EVAL_SEED_OFFSET + s);
                }
            }
            Map<String, Object> evalDoc = new LinkedHashMap<>();
            evalDoc.put("seed", s);
            evalDoc.put("eval_seed", TrainCommand.EVAL_SEED_OFFSET + s);
            evalDoc.put("mean_return", eval.meanReturn());
            evalDoc.put("returns", eval.returns());
            evalDoc.put("lengths", eval.lengths());
            NormalisedScore.reference(env.spec().id()).ifPresent(x -> evalDoc.put("normalised_score",
                    x.score(eval.meanReturn().point())));
            if (best != null) {
                evalDoc.put("best_step", bestStep[0]);
                evalDoc.put("best_periodic_mean_return", bestMean[0]);
                evalDoc.put("best_mean_return", best.meanReturn());
                evalDoc.put("best_returns", best.returns());
            }
            evalDoc.put("wall_seconds", wall);
            AtomicFiles.writeString(dir.resolve("eval.json"), Json.toJson(evalDoc), "--out " + dir);
            return new SeedResult(s, eval, best, bestStep[0], wall);
        }
    }
}
