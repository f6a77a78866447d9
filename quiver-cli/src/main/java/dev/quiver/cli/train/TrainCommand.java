package dev.quiver.cli.train;

import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.io.AtomicFiles;
import dev.quiver.core.registry.Envs;
import dev.quiver.data.collect.DatasetRecorder;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.agent.Learner;
import dev.quiver.rl.agent.LearnerConfig;
import dev.quiver.rl.agent.SavablePolicy;
import dev.quiver.core.policy.Policy;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.agent.TrainingCheckpoints;
import dev.quiver.nn.checkpoint.CheckpointReader;
import java.nio.file.Files;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.Algorithms.Algorithm;
import dev.quiver.rl.eval.Evaluation;
import dev.quiver.rl.eval.EvaluationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code quiver train ALGO --env ID --steps N}: trains an online agent for one or several seeds (one after
 * another in this JVM), logs metrics as JSON lines, saves a checkpoint per seed, evaluates each final
 * greedy policy and, across seeds, reports the IQM of the per-seed mean returns with a 95%
 * stratified-bootstrap interval.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an agent on an env for N steps, for one seed (--seed) or several (--seeds 0..4, run one"
                + " after another); log metrics, save a checkpoint per seed, evaluate each final greedy policy, and"
                + " print the IQM of the per-seed mean returns with a 95%% stratified-bootstrap interval.",
            "Algorithms: dqn (CleanRL dqn.py defaults), qrdqn (RL Zoo CartPole defaults), ppo (CleanRL ppo.py"
                + " defaults) and sac-discrete for Discrete actions; sac and td3 (RL Zoo Pendulum defaults) for bounded"
                + " Box actions; all need a float32 Box observation space. Tuned settings: configs/ALGO/ENV.yaml.",
            "Offline algorithms learn from --dataset PATH (a Minari dataset directory or a D4RL .hdf5 file) for --steps"
                + " gradient steps and are evaluated on --env: bc, cql, iql, td3bc, riql (CORL defaults; Box actions, and"
                + " Discrete for bc, cql, iql, riql).",
            "Output (--out DIR): config.json, and per seed DIR/seed-S/metrics.jsonl (one JSON object per logged"
                + " step: step, train/loss, train/q_mean, train/epsilon or episode/return, episode/length; written"
                + " as training goes), DIR/seed-S/checkpoint/ (load with 'quiver eval --checkpoint') and"
                + " DIR/seed-S/eval.json."})
public final class TrainCommand implements Callable<Integer> {
    /** Final evaluation of seed {@code s} resets episode {@code i} with {@code EVAL_SEED_OFFSET + s + i}. */
    public static final long EVAL_SEED_OFFSET = 10_000;
    /** Periodic evaluation of seed {@code s} resets episode {@code i} with {@code PERIODIC_SEED_OFFSET + 1000 s + i}. */
    public static final long PERIODIC_SEED_OFFSET = 20_000;
    /** The folder under each seed's directory that holds the best policy found by periodic evaluation. */
    public static final String BEST_DIR = "best";
    /** The folder under each seed's directory that holds the saved training state while a seed runs. */
    public static final String STATE_DIR = "train-state";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ALGO",
            description = "The algorithm (see the list above); not needed with --resume.")
    String algorithm;

    @Option(names = "--env", paramLabel = "ID",
            description = "The env id, e.g. CartPole-v1 (see 'quiver envs list'); required unless --resume.")
    String envId;

    @Option(names = "--steps", paramLabel = "N", description = "Environment steps per seed (gradient steps for an"
            + " offline algorithm); required unless --resume.")
    Long steps;

    @Option(names = "--dataset", paramLabel = "PATH",
            description = "The dataset an offline algorithm learns from: a Minari dataset directory or a D4RL-style"
                    + " .hdf5 file (required for offline algorithms, refused for online ones).")
    Path dataset;

    @Option(names = "--sampling", paramLabel = "SCHEME", defaultValue = "uniform",
            description = "How an offline algorithm draws its batches: uniform (default), rw (return-weighted"
                    + " trajectories) or aw (advantage-weighted trajectories), Hong et al. 2023.")
    String samplingScheme;

    @Option(names = "--sampling-temperature", paramLabel = "ALPHA", defaultValue = "0.1",
            description = "The temperature α of --sampling rw|aw: trajectory weight exp(Ĝ/α) with Ĝ the min-max"
                    + " normalised return or advantage (default: ${DEFAULT-VALUE}, the paper's).")
    double samplingTemperature;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue an interrupted run in DIR (its --out directory) with the settings in DIR/config.json:"
                    + " finished seeds are kept (their checkpoints re-evaluated), an interrupted seed continues from its"
                    + " last saved training state (DIR/seed-S/train-state) with exactly the numbers of an uninterrupted"
                    + " run, seeds not started yet run from the start.")
    Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Save the full training state (for --resume) at the first episode end (PPO: rollout end)"
                    + " after every N env steps (default: a tenth of --steps, at least 1000; 0: never).")
    Long checkpointEvery;

    @Option(names = "--seed", paramLabel = "S", description = "The root seed of a single run (default: 0).")
    Long seed;

    @Option(names = "--seeds", paramLabel = "LIST",
            description = "Several seeds, run one after another: a range 0..4 (inclusive) or a list 0,1,2.")
    String seedList;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config field, e.g. learningStarts=500 (or learning_starts=500), hidden=64,64,"
                + " doubleQ=true, loss=huber. Repeatable. The keys are the fields of the algorithm's config (an"
                + " unknown key is an error that lists them; config.json in the output shows them all).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--config", paramLabel = "FILE.yaml",
            description = "A YAML file of config keys and values (same keys as --set, e.g. 'learning_rate: 0.001',"
                    + " 'hidden: [256, 256]'); --set flags are applied after it. Tuned files: configs/ALGO/ENV.yaml.")
    Path configFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: runs/ALGO-ENV-yyyyMMdd-HHmmss).")
    Path out;

    @Option(names = "--eval-episodes", paramLabel = "N", defaultValue = "10",
            description = "Greedy evaluation episodes per seed after training (default: ${DEFAULT-VALUE}); episode"
                    + " i of seed S resets with 10000 + S + i.")
    int evalEpisodes;

    @Option(names = "--eval-every", paramLabel = "N",
            description = "Evaluate the greedy policy every N env steps during training (default: a twentieth of"
                    + " --steps, at least 1000; 0: never), log eval/mean_return and keep the best policy so far in"
                    + " DIR/seed-S/best/ (after training it is scored on the same held-out episodes as the final one).")
    Long evalEvery;

    @Option(names = "--eval-every-episodes", paramLabel = "N", defaultValue = "5",
            description = "Episodes per periodic evaluation (default: ${DEFAULT-VALUE}); episode i of seed S resets"
                    + " with 20000 + 1000 S + i at every evaluation, so evaluations compare policies on the same starts.")
    int periodicEpisodes;

    @Option(names = "--debug-interrupt-at", paramLabel = "SEED:STEP", hidden = true,
            description = "Testing only: fail like a crash when seed SEED reaches env step STEP.")
    String debugInterruptAt;

    @Option(names = "--no-progress", description = "Do not print progress lines to stderr.")
    boolean noProgress;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write a summary as JSON to OUT.")
    Path json;

    @Option(names = "--collect", paramLabel = "PATH",
            description = "Record every episode the agent plays while training (D4RL's medium-replay data; evaluation"
                    + " episodes are not recorded) and write them when training ends: a Minari dataset directory, or a"
                    + " D4RL file if PATH ends in .hdf5/.h5. PATH must not exist. One seed only, not with --resume;"
                    + " ppo needs --set num_envs=1.")
    Path collect;

    /** The algorithm's name, for the metadata of a {@code --collect} dataset. */
    private String algorithmName;

    /** One seed's outcome. */
    record SeedResult(long seed, long episodes, double lastTrainReturn, EvaluationResult eval, EvaluationResult best,
            long bestStep, double wallSeconds, long metricLines) {
    }

    @Override
    public Integer call() {
        if (evalEpisodes < 1) {
            throw new QuiverUserException("--eval-episodes must be at least 1, got " + evalEpisodes);
        }
        if (resume != null) {
            if (collect != null) {
                throw new QuiverUserException("--collect cannot be used with --resume: the episodes played before the"
                        + " interruption were not recorded; train again from the start with --collect");
            }
            return resumeRun();
        }
        if (algorithm != null && Algorithms.kind(algorithm) == Algorithms.Kind.OFFLINE) {
            return OfflineTrain.run(this);
        }
        if (dataset != null) {
            throw new QuiverUserException("--dataset is only for the offline algorithms (" + String.join(", ",
                    Algorithms.offlineNames()) + ")" + (algorithm == null ? "; give one as ALGO" : "; '" + algorithm
                    + "' learns online by interacting with --env"));
        }
        if (!"uniform".equalsIgnoreCase(samplingScheme.trim())) {
            throw new QuiverUserException("--sampling is only for the offline algorithms (" + String.join(", ",
                    Algorithms.offlineNames()) + "), which draw batches from a --dataset");
        }
        if (algorithm == null || envId == null || steps == null) {
            throw new QuiverUserException("give ALGO, --env and --steps (or --resume DIR to continue a run), e.g."
                    + " quiver train dqn --env CartPole-v1 --steps 100000");
        }
        Algorithm algo = Algorithms.get(algorithm);
        if (steps < 1) {
            throw new QuiverUserException("--steps must be at least 1, got " + steps);
        }
        if (seed != null && seedList != null) {
            throw new QuiverUserException("give either --seed or --seeds, not both");
        }
        long every = checkpointEvery != null ? checkpointEvery : Math.max(1000, steps / 10);
        if (every < 0) {
            throw new QuiverUserException("--checkpoint-every must be >= 0 (0: never), got " + every);
        }
        evalEvery = evalEvery != null ? evalEvery : Math.max(1000, steps / 20);
        if (evalEvery < 0) {
            throw new QuiverUserException("--eval-every must be >= 0 (0: never), got " + evalEvery);
        }
        if (periodicEpisodes < 1) {
            throw new QuiverUserException("--eval-every-episodes must be at least 1, got " + periodicEpisodes);
        }
        long[] seeds = seedList != null ? SeedList.parse(seedList, "--seeds") : new long[] {seed == null ? 0 : seed};
        Map<String, String> fileSettings = configFile == null ? Map.of() : YamlConfigFile.read(configFile);
        LearnerConfig<float[], ?> config = ConfigOverrides.configure(algo, configFile, fileSettings, overrides);
        if (collect != null) {
            CollectDuringTraining.check(collect, algo.name(), config.toMap(), seeds);
        }
        return train(algo.name(), config, seeds, every, false);
    }

    /** {@code --resume DIR}: the settings come from {@code DIR/config.json}. */
    private Integer resumeRun() {
        if (algorithm != null || envId != null || steps != null || seed != null || seedList != null
                || configFile != null || !overrides.isEmpty() || checkpointEvery != null || out != null
                || evalEvery != null) {
            throw new QuiverUserException("--resume " + resume + " takes the algorithm, env, steps, seeds and config"
                    + " from " + resume.resolve("config.json") + "; give only --resume (and --no-progress, --json)");
        }
        RunSettings run = RunSettings.read(resume);
        Algorithm algo = Algorithms.get(run.algorithm());
        LearnerConfig<float[], ?> config = algo.config().apply(run.config(), run.file().toString());
        envId = run.env();
        steps = run.steps();
        evalEpisodes = run.evalEpisodes();
        evalEvery = run.evalEvery();
        periodicEpisodes = run.periodicEpisodes();
        out = resume;
        return train(algo.name(), config, run.seeds(), run.checkpointEvery(), true);
    }

    private <A> Integer train(String algo, LearnerConfig<float[], A> config, long[] seeds, long every,
            boolean resuming) {
        Map<String, Object> configMap = config.toMap();
        algorithmName = algo;
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<SeedResult> results = new ArrayList<>();
        String resolvedEnv;
        long started = System.nanoTime();
        try (Env<float[], A> env = Envs.make(envId)) {
            resolvedEnv = env.spec().id();
            Learner<float[], A> learner = config.build(env.spec()); // checks the spaces before anything is written
            Path dir = out != null ? out : Path.of("runs", algo + "-" + resolvedEnv + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Map<String, Object> cfgDoc = new LinkedHashMap<>();
            cfgDoc.put("algorithm", algo);
            cfgDoc.put("env", resolvedEnv);
            cfgDoc.put("steps", steps);
            cfgDoc.put("seeds", seeds);
            cfgDoc.put("eval_episodes", evalEpisodes);
            cfgDoc.put("checkpoint_every", every);
            cfgDoc.put("eval_every", evalEvery);
            cfgDoc.put("eval_every_episodes", periodicEpisodes);
            cfgDoc.put("config", configMap);
            if (!resuming) {
                AtomicFiles.writeString(dir.resolve("config.json"), Json.toJson(cfgDoc), "--out " + dir);
            }
            stdout.println((resuming ? "resume " : "train ") + algo + " on " + resolvedEnv + ": " + steps + " steps x "
                    + seeds.length + " seed(s) " + java.util.Arrays.toString(seeds) + ", output in " + dir);
            stdout.flush();
            for (long s : seeds) {
                results.add(trainOne(learner, env, s, dir.resolve("seed-" + s), every, resuming, stdout, stderr));
            }
            out = dir;
        }
        double totalSeconds = (System.nanoTime() - started) / 1e9;

        boolean haveBest = results.stream().allMatch(r -> r.best() != null);
        Table t = haveBest
                ? new Table(">seed", ">episodes", ">last10 train return", ">final eval mean", ">95% interval",
                        ">best step", ">best eval mean", ">95% interval", ">wall s", ">steps/s")
                : new Table(">seed", ">episodes", ">last10 train return", ">final eval mean", ">95% interval",
                        ">wall s", ">steps/s");
        for (SeedResult r : results) {
            Estimate m = r.eval().meanReturn();
            List<Object> row = new ArrayList<>(List.of(r.seed(), r.episodes(), Format.num(r.lastTrainReturn()),
                    Format.num(m.point()), Format.interval(m)));
            if (haveBest) {
                Estimate b = r.best().meanReturn();
                row.addAll(List.of(r.bestStep() + 1, Format.num(b.point()), Format.interval(b)));
            }
            row.add(String.format(Locale.ROOT, "%.1f", r.wallSeconds()));
            row.add(String.format(Locale.ROOT, "%.0f", steps / r.wallSeconds()));
            t.row(row.toArray());
        }
        t.print(stdout);
        long bootstrapSeed = seeds.length == 1 ? seeds[0] : 0;
        Estimate iqm = iqm(results.stream().mapToDouble(r -> r.eval().meanReturn().point()).toArray(), bootstrapSeed);
        stdout.println("IQM of final eval mean return over " + seeds.length + " seed(s): " + Format.num(iqm.point())
                + ", 95% interval " + Format.interval(iqm) + " (" + iqm.method() + "); total wall "
                + String.format(Locale.ROOT, "%.1f", totalSeconds) + " s");
        Estimate bestIqm = null;
        if (haveBest) {
            bestIqm = iqm(results.stream().mapToDouble(r -> r.best().meanReturn().point()).toArray(), bootstrapSeed);
            stdout.println("IQM of best-checkpoint eval mean return (picked by periodic evaluation, scored on the"
                    + " held-out episodes): " + Format.num(bestIqm.point()) + ", 95% interval "
                    + Format.interval(bestIqm));
        }
        stdout.flush();

        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "train");
            doc.put("algorithm", algo);
            doc.put("env", resolvedEnv);
            doc.put("steps", steps);
            doc.put("seeds", seeds);
            doc.put("eval_episodes", evalEpisodes);
            doc.put("config", configMap);
            doc.put("out", out.toString());
            List<Map<String, Object>> per = new ArrayList<>();
            for (SeedResult r : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seed", r.seed());
                m.put("episodes", r.episodes());
                m.put("last10_train_return", r.lastTrainReturn());
                m.put("eval_mean_return", r.eval().meanReturn());
                m.put("eval_returns", r.eval().returns());
                if (r.best() != null) {
                    m.put("best_step", r.bestStep());
                    m.put("best_eval_mean_return", r.best().meanReturn());
                    m.put("best_eval_returns", r.best().returns());
                }
                m.put("wall_seconds", r.wallSeconds());
                m.put("steps_per_second", steps / r.wallSeconds());
                m.put("checkpoint", out.resolve("seed-" + r.seed()).resolve("checkpoint").toString());
                per.add(m);
            }
            doc.put("per_seed", per);
            doc.put("iqm_eval_mean_return", iqm);
            if (bestIqm != null) {
                doc.put("iqm_best_eval_mean_return", bestIqm);
            }
            doc.put("total_wall_seconds", totalSeconds);
            Json.writeFile(json, doc);
        }
        return 0;
    }

    /**
     * The IQM of the per-seed mean returns with a 95% stratified-bootstrap interval (seeds as the runs of
     * one task); with a single seed, the value itself with a zero-width interval.
     */
    static Estimate iqm(double[] perSeedMeans, long bootstrapSeed) {
        if (perSeedMeans.length == 1) {
            double v = perSeedMeans[0];
            return new Estimate(v, v, v, 0.95, "single seed: no interval");
        }
        return StratifiedBootstrap.estimate(new double[][] {perSeedMeans}, Metric.iqm(),
                BootstrapConfig.defaults().withSeed(bootstrapSeed));
    }

    private <A> SeedResult trainOne(Learner<float[], A> learner, Env<float[], A> env, long s, Path dir, long every,
            boolean resuming, PrintWriter stdout, PrintWriter stderr) {
        Path metricsFile = dir.resolve("metrics.jsonl");
        Path stateDir = dir.resolve(STATE_DIR);
        long t0 = System.nanoTime();
        Progress progress = new Progress(s, steps, t0, noProgress ? null : stderr);
        if (resuming && Files.exists(dir.resolve("eval.json")) && Files.isDirectory(dir.resolve("checkpoint"))) {
            return finishedSeed(env, s, dir, progress, stdout);
        }
        boolean saves = every > 0 && learner.savesTrainingState(env);
        TrainingCheckpoints checkpoints = saves ? TrainingCheckpoints.in(stateDir, every, resuming)
                : TrainingCheckpoints.NONE;
        SavablePolicy<float[], A> policy;
        long lines;
        MetricsLog log;
        if (resuming && saves && Files.isDirectory(stateDir)) {
            long savedStep = CheckpointReader.summary(stateDir).step();
            log = MetricsLog.resume(metricsFile, savedStep, progress::count);
            stdout.println("seed " + s + ": continuing from the training state saved at step " + savedStep);
        } else {
            if (resuming) {
                stdout.println("seed " + s + ": no saved training state" + (saves ? "" : " (" + whyNoState(learner,
                        env, every) + ")") + "; starting it from step 0");
            }
            log = new MetricsLog(metricsFile);
        }
        stdout.flush();
        Path bestDir = dir.resolve(BEST_DIR);
        DatasetRecorder<float[], A> recorder = collect != null ? new DatasetRecorder<>(env) : null;
        try (log; Env<float[], A> evalEnv = Envs.make(envId)) {
            long crashAt = crashStep(s);
            long periodicSeed = PERIODIC_SEED_OFFSET + 1000 * s;
            TrainingCallback cb = new TrainingCallback() {
                @Override
                public void onMetrics(long step, Map<String, Double> metrics) {
                    if (step >= crashAt) {
                        throw new QuiverUserException("seed " + s + " interrupted at step " + step
                                + " (--debug-interrupt-at)");
                    }
                    log.write(step, metrics);
                    progress.onMetrics(step, metrics);
                }

                @Override
                public long policyInterval() {
                    return evalEvery;
                }

                @Override
                @SuppressWarnings("unchecked")
                public void onPolicy(long step, Policy<?, ?> current) {
                    EvaluationResult r = Evaluation.run(evalEnv, (Policy<float[], A>) current, periodicEpisodes,
                            periodicSeed);
                    double mean = r.meanReturn().point();
                    onMetrics(step, Map.of("eval/mean_return", mean, "eval/episodes", (double) periodicEpisodes));
                    if (progress.isBest(step, mean) && current instanceof SavablePolicy<?, ?> savable) {
                        savable.save(bestDir);
                    }
                }
            };
            policy = learner.learn(recorder != null ? recorder : env, steps, s, cb, checkpoints);
            lines = log.lines();
        }
        try (policy) {
            if (recorder != null) {
                CollectDuringTraining.write(collect, recorder, env.spec(), algorithmName, s, steps, stdout);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            progress.finish();
            policy.save(dir.resolve("checkpoint"));
            EvaluationResult eval = Evaluation.run(env, policy, evalEpisodes, EVAL_SEED_OFFSET + s);
            EvaluationResult best = evaluateBest(env, s, bestDir, progress);
            Map<String, Object> evalDoc = new LinkedHashMap<>();
            evalDoc.put("seed", s);
            evalDoc.put("eval_seed", EVAL_SEED_OFFSET + s);
            evalDoc.put("mean_return", eval.meanReturn());
            evalDoc.put("returns", eval.returns());
            evalDoc.put("lengths", eval.lengths());
            if (best != null) {
                evalDoc.put("best_step", progress.bestStep);
                evalDoc.put("best_periodic_mean_return", progress.bestMean);
                evalDoc.put("best_mean_return", best.meanReturn());
                evalDoc.put("best_returns", best.returns());
            }
            evalDoc.put("wall_seconds", wall);
            AtomicFiles.writeString(dir.resolve("eval.json"), Json.toJson(evalDoc), "--out " + dir);
            AtomicFiles.deleteTree(stateDir, "training state " + stateDir);
            return new SeedResult(s, progress.episodes, progress.recentMean(), eval, best, progress.bestStep, wall,
                    lines);
        }
    }

    /** Why a seed of this run saves no training state. */
    private static <A> String whyNoState(Learner<float[], A> learner, Env<float[], A> env, long every) {
        String name = learner.getClass().getSimpleName();
        if (every == 0) {
            return "--checkpoint-every 0";
        }
        return learner.savesTrainingState() ? name + " cannot save one on env '" + env.spec().id() + "'"
                : name + " does not save one";
    }

    /**
     * The best periodic-evaluation policy scored on the held-out final-evaluation episodes (the episodes
     * that picked it are not reused, so the score is not biased upwards by the selection), or {@code null}
     * without periodic evaluation.
     */
    @SuppressWarnings("unchecked")
    private <A> EvaluationResult evaluateBest(Env<float[], A> env, long s, Path bestDir, Progress progress) {
        if (progress.bestStep < 0 || !Files.isDirectory(bestDir)) {
            return null;
        }
        try (TrainedPolicy<?> best = Algorithms.load(bestDir)) {
            return Evaluation.run(env, (Policy<float[], A>) best, evalEpisodes, EVAL_SEED_OFFSET + s);
        }
    }

    /** The step at which {@code --debug-interrupt-at} fails seed {@code s} ({@code Long.MAX_VALUE}: never). */
    private long crashStep(long s) {
        if (debugInterruptAt == null) {
            return Long.MAX_VALUE;
        }
        String[] p = debugInterruptAt.split(":");
        return p.length == 2 && Long.parseLong(p[0].trim()) == s ? Long.parseLong(p[1].trim()) : Long.MAX_VALUE;
    }

    /** A seed that finished before the interruption: its checkpoint is evaluated again (same episodes, same numbers). */
    @SuppressWarnings("unchecked")
    private <A> SeedResult finishedSeed(Env<float[], A> env, long s, Path dir, Progress progress, PrintWriter stdout) {
        long lines = MetricsLog.resume(dir.resolve("metrics.jsonl"), Long.MAX_VALUE, progress::count).lines();
        try (TrainedPolicy<?> loaded = Algorithms.load(dir.resolve("checkpoint"))) {
            EvalCommand.checkSpaces(loaded, env.spec(), dir.resolve("checkpoint"));
            EvaluationResult eval = Evaluation.run(env, (SavablePolicy<float[], A>) loaded, evalEpisodes,
                    EVAL_SEED_OFFSET + s);
            stdout.println("seed " + s + ": finished before; re-evaluated its checkpoint");
            EvaluationResult best = evaluateBest(env, s, dir.resolve(BEST_DIR), progress);
            return new SeedResult(s, progress.episodes, progress.recentMean(), eval, best, progress.bestStep,
                    RunSettings.wallSeconds(dir.resolve("eval.json")), lines);
        }
    }

    /** Counts episodes and prints a plain progress line to stderr about every 10% of the steps. */
    static final class Progress {
        private static final int WINDOW = 10;
        private final long seed;
        private final long steps;
        private final long t0;
        private final PrintWriter err;
        private final double[] recent = new double[WINDOW];
        private long episodes;
        private long bestStep = -1;
        private double bestMean = Double.NaN;
        private long nextReport;
        private int decile = 1;

        Progress(long seed, long steps, long t0, PrintWriter err) {
            this.seed = seed;
            this.steps = steps;
            this.t0 = t0;
            this.err = err;
            this.nextReport = Math.max(1, steps / 10);
        }

        /** Counts an episode if {@code metrics} ends one, without printing (replays the log of a resumed run). */
        void count(long step, Map<String, Double> metrics) {
            countEpisode(metrics);
            Double eval = metrics.get("eval/mean_return");
            if (eval != null) {
                isBest(step, eval);
            }
            if (step + 1 >= nextReport && decile < 10) {
                advance(step);
            }
        }

        void onMetrics(long step, Map<String, Double> metrics) {
            countEpisode(metrics);
            if (err != null && step + 1 >= nextReport && decile < 10) {
                report(step + 1);
                advance(step);
            }
        }

        /** Whether {@code mean} (a periodic evaluation at {@code step}) beats every earlier one; if so, remembers it. */
        boolean isBest(long step, double mean) {
            if (bestStep >= 0 && !(mean > bestMean)) {
                return false;
            }
            bestStep = step;
            bestMean = mean;
            return true;
        }

        private void countEpisode(Map<String, Double> metrics) {
            Double ret = metrics.get("episode/return");
            if (ret != null) {
                recent[(int) (episodes % WINDOW)] = ret;
                episodes++;
            }
        }

        private void advance(long step) {
            decile = (int) Math.min(10, (step + 1) * 10 / steps) + 1;
            nextReport = Math.max(step + 2, steps * decile / 10);
        }

        double recentMean() {
            int n = (int) Math.min(episodes, WINDOW);
            if (n == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += recent[i];
            }
            return sum / n;
        }

        void finish() {
            if (err != null) {
                report(steps);
            }
        }

        private void report(long done) {
            double secs = (System.nanoTime() - t0) / 1e9;
            err.println(String.format(Locale.ROOT, "seed %d: step %d/%d (%d%%), %d episodes, mean return (last %d) %s,"
                    + " %.0f steps/s", seed, done, steps, done * 100 / steps, episodes, Math.min(episodes, WINDOW),
                    Format.num(recentMean()), done / Math.max(secs, 1e-9)));
            err.flush();
        }
    }

    /** The batch sampling of an offline run, from --sampling and --sampling-temperature. */
    dev.quiver.data.sampling.SamplingConfig sampling() {
        if (!(samplingTemperature > 0 && Double.isFinite(samplingTemperature))) {
            throw new QuiverUserException("--sampling-temperature " + samplingTemperature + " is not allowed: give a"
                    + " number > 0 (the paper uses 0.1)");
        }
        return new dev.quiver.data.sampling.SamplingConfig(
                dev.quiver.data.sampling.SamplingScheme.parse(samplingScheme), samplingTemperature);
    }
}
