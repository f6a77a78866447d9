package dev.quiver.pipeline.config;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.data.sampling.SamplingConfig;
import dev.quiver.data.sampling.SamplingScheme;
import dev.quiver.ope.bandit.Estimators;
import dev.quiver.ope.bandit.synthetic.RewardFunction;
import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.StudyKind;
import dev.quiver.rl.Algorithms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a study file ({@code docs/pipeline.md} documents the schema) into a {@link StudyConfig}, checking every
 * value where it stands: an unknown key, stage, algorithm, env or estimator, a value of the wrong type or out of
 * range, or a dataset file that does not exist is a {@link QuiverUserException} whose message starts with
 * {@code file:line: key.path:} and lists the allowed values. Candidates are built against their env's spaces
 * here already, so a study that cannot run fails before any work starts.
 */
public final class StudyParser {
    private static final List<String> COMMON_KEYS = List.of("study", "kind", "seed", "stages", "description");
    private static final List<String> SEQUENTIAL_KEYS = List.of("tasks", "learn", "estimate", "verify", "quantify");
    private static final List<String> BANDIT_KEYS = List.of("data", "candidates", "estimate", "verify");
    private static final Set<String> HIDDEN_KEYS = Set.of("hidden", "actorHidden", "criticHidden", "valueHidden");
    /** The name the behaviour policy has in tables and results; no candidate may take it. */
    public static final String RESERVED_LABEL = dev.quiver.pipeline.sequential.VerifyStage.BEHAVIOUR;

    private StudyParser() {
    }

    /**
     * Reads {@code file}; relative dataset paths are resolved against its folder.
     *
     * @throws QuiverUserException naming the file, line and key of the first problem
     */
    public static StudyConfig read(Path file) {
        Path base = file.toAbsolutePath().normalize().getParent();
        return parse(YamlNode.read(file), base, file.toString());
    }

    /**
     * Reads the study in {@code text}, named {@code name} in messages; relative paths against {@code base}.
     *
     * @throws QuiverUserException naming the line and key of the first problem
     */
    public static StudyConfig parse(String text, String name, Path base) {
        return parse(YamlNode.parse(text, name), base, name);
    }

    private static StudyConfig parse(YamlNode root, Path base, String source) {
        if (!root.isMapping()) {
            throw root.error("a study file is a mapping with at least 'study:' and 'kind:', got " + root.kind());
        }
        StudyKind kind = StudyKind.valueOf(root.require("kind").choice(List.of("sequential", "bandit"))
                .toUpperCase(Locale.ROOT));
        List<String> allowed = new ArrayList<>(COMMON_KEYS);
        allowed.addAll(kind == StudyKind.SEQUENTIAL ? SEQUENTIAL_KEYS : BANDIT_KEYS);
        root.allowOnly(allowed);
        YamlNode nameNode = root.require("study");
        String name = nameNode.string().trim();
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw nameNode.error("the study name becomes a folder name: use 1 to 64 letters, digits, '.', '_' or '-',"
                    + " got '" + name + "'");
        }
        long seed = root.get("seed").map(YamlNode::integer).orElse(0L);
        Set<Stage> stages = stages(root, kind);
        if (kind == StudyKind.SEQUENTIAL) {
            return new StudyConfig(name, kind, seed, stages, source,
                    sequential(root, base, stages.contains(Stage.QUANTIFY)), null);
        }
        return new StudyConfig(name, kind, seed, stages, source, null, bandit(root, base));
    }

    private static Set<Stage> stages(YamlNode root, StudyKind kind) {
        Set<Stage> out = EnumSet.allOf(Stage.class);
        if (kind == StudyKind.BANDIT) {
            out.remove(Stage.QUANTIFY);
        }
        if (root.get("stages").isEmpty()) {
            return out;
        }
        YamlNode list = root.require("stages");
        Set<Stage> chosen = EnumSet.noneOf(Stage.class);
        for (YamlNode n : list.isScalar() ? List.of(list) : list.items()) {
            Stage s = Stage.byKey(n.choice(Stage.keys()));
            if (kind == StudyKind.BANDIT && s == Stage.QUANTIFY) {
                throw n.error("'quantify' gives a conformal interval for an episode's return and is not available in a"
                        + " bandit study (one round's reward is a single click); allowed: data, learn, estimate,"
                        + " verify, report");
            }
            if (!chosen.add(s)) {
                throw n.error("stage '" + s.key() + "' is listed twice");
            }
        }
        for (Stage required : new Stage[] {Stage.DATA, Stage.LEARN, Stage.ESTIMATE, Stage.REPORT}) {
            if (!chosen.contains(required)) {
                throw list.error("stage '" + required.key() + "' cannot be left out (every later stage needs it);"
                        + " optional stages: verify" + (kind == StudyKind.SEQUENTIAL ? ", quantify" : ""));
            }
        }
        return chosen;
    }

    // ---------------------------------------------------------------- sequential

    private static SequentialStudy sequential(YamlNode root, Path base, boolean quantifies) {
        LearnSpec learn = learn(root.get("learn").orElse(null));
        EstimateSpec estimate = estimate(root.get("estimate").orElse(null));
        VerifySpec verify = verify(root.get("verify").orElse(null));
        YamlNode quantifyNode = root.get("quantify").orElse(null);
        QuantifySpec quantify = quantify(quantifyNode);
        YamlNode tasksNode = root.require("tasks");
        List<TaskSpec> tasks = new ArrayList<>();
        Set<String> envs = new HashSet<>();
        for (YamlNode t : tasksNode.items()) {
            TaskSpec task = task(t, base, learn);
            if (!envs.add(task.env())) {
                throw t.error("env '" + task.env() + "' has two tasks; give each env once");
            }
            if (quantifies) {
                requireFitEpisodes(quantify, quantifyNode, t);
            }
            tasks.add(task);
        }
        if (tasks.isEmpty()) {
            throw tasksNode.error("give at least one task (an env with its data and candidates)");
        }
        return new SequentialStudy(tasks, learn, estimate, verify, quantify);
    }

    /**
     * Checks that the quantify stage's fit part of task {@code t} has enough episodes for its regression of the
     * return on the initial observation ({@link QuantifySpec#minFitEpisodes}), naming the smallest valid
     * {@code episodes} (and {@code fit_fraction}).
     */
    private static void requireFitEpisodes(QuantifySpec q, YamlNode quantifyNode, YamlNode t) {
        YamlNode envNode = t.require("env");
        int dim;
        try (Env<Object, Object> e = Envs.make(envNode.string().trim())) {
            dim = e.spec().observationSpace() instanceof dev.quiver.core.space.Box<?> b ? b.size() : 0;
        }
        int need = QuantifySpec.minFitEpisodes(dim);
        if (q.fitEpisodes() >= need) {
            return;
        }
        YamlNode at = quantifyNode == null ? envNode : quantifyNode.get("episodes")
                .or(() -> quantifyNode.get("fit_fraction")).orElse(quantifyNode);
        StringBuilder fix = new StringBuilder();
        int episodes = QuantifySpec.smallestEpisodes(q.fitFraction(), need);
        fix.append("use episodes: ").append(episodes).append(" or more");
        double fraction = Math.ceil(100.0 * need / q.episodes()) / 100;
        if (fraction <= 0.9 && fraction + q.calibrationFraction() <= QuantifySpec.MAX_FIT_AND_CALIBRATION + 1e-9
                && Math.floor(fraction * q.episodes()) >= need) {
            fix.append(" (or fit_fraction: ").append(num(fraction)).append(" or more)");
        }
        throw at.error("quantify: fit_fraction " + num(q.fitFraction()) + " of " + q.episodes() + " episodes gives "
                + q.fitEpisodes() + " fitting episode(s), but the regression of the return on " + envNode.string()
                .trim() + "'s initial observation (" + (dim > 0 ? dim + " dimensions" : "dimension unknown")
                + ") needs at least " + need + "; " + fix);
    }

    private static TaskSpec task(YamlNode t, Path base, LearnSpec learn) {
        t.allowOnly("env", "data", "candidates", "steps");
        YamlNode envNode = t.require("env");
        String env = envNode.string().trim();
        EnvSpec spec;
        try (Env<Object, Object> e = Envs.make(env)) {
            spec = e.spec();
        } catch (QuiverUserException e) {
            throw envNode.error(e.getMessage());
        }
        if (!(spec.observationSpace() instanceof dev.quiver.core.space.Box<?>)) {
            throw envNode.error("env '" + env + "' has observation space " + spec.observationSpace() + "; offline"
                    + " learners here need a Box of floats (classic-control envs such as CartPole-v1, Pendulum-v1)");
        }
        DataSpec data = t.get("data").map(d -> data(d, base))
                .orElse(new DataSpec("collect", null, "scripted", 0.3, 100, 0.3));
        if (data.behaviour().equals("scripted") && !dev.quiver.pipeline.sequential.ScriptedControllers.has(env)) {
            YamlNode at = t.get("data").map(d -> d.get("behaviour").orElse(d)).orElse(t);
            throw at.error("env '" + env + "' has no scripted controller (those with one: "
                    + String.join(", ", dev.quiver.pipeline.sequential.ScriptedControllers.envs())
                    + "); use behaviour: uniform");
        }
        YamlNode cands = t.require("candidates");
        List<CandidateSpec> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (YamlNode c : cands.items()) {
            CandidateSpec cs = candidate(c, spec, learn);
            if (!labels.add(cs.label())) {
                throw c.error("two candidates are called '" + cs.label() + "'; give one a 'name:'");
            }
            out.add(cs);
        }
        if (out.isEmpty()) {
            throw cands.error("give at least one candidate, e.g. [bc, iql]");
        }
        int steps = t.get("steps").map(x -> x.integer(1, 100_000_000)).orElse(0);
        return new TaskSpec(env, data, out, steps);
    }

    private static DataSpec data(YamlNode d, Path base) {
        d.allowOnly("source", "path", "behaviour", "epsilon", "episodes", "eval_fraction");
        String source = d.get("source").map(n -> n.choice(DataSpec.SOURCES)).orElse("collect");
        if (!source.equals("collect") && d.get("episodes").isPresent()) {
            throw d.require("episodes").error("'episodes' is the number of episodes to collect (source 'collect'); "
                    + "source '" + source + "' uses every episode of the dataset");
        }
        Path path = null;
        if (!source.equals("collect")) {
            YamlNode p = d.get("path").orElseThrow(() -> d.error("source '" + source + "' needs 'path:' (a Minari"
                    + " dataset directory or a D4RL .hdf5 file)"));
            path = base == null ? Path.of(p.string()) : base.resolve(p.string()).normalize();
            boolean ok = source.equals("minari") ? Files.isDirectory(path) : Files.isRegularFile(path);
            if (!ok) {
                throw p.error("no such " + (source.equals("minari") ? "Minari dataset directory" : "file") + ": " + path);
            }
        } else if (d.get("path").isPresent()) {
            throw d.require("path").error("'path' is for source minari or d4rl; source 'collect' plays the behaviour"
                    + " policy in the env");
        }
        String behaviour = d.get("behaviour").map(n -> n.choice(DataSpec.BEHAVIOURS))
                .orElse(source.equals("collect") ? "scripted" : "unknown");
        if (source.equals("collect") && behaviour.equals("unknown")) {
            throw d.require("behaviour").error("collecting needs a behaviour policy: scripted or uniform");
        }
        double epsilon = d.get("epsilon").map(n -> n.number(0, 1)).orElse(source.equals("collect") ? 0.3 : 0.0);
        int episodes = d.get("episodes").map(n -> n.integer(4, 1_000_000)).orElse(100);
        double fraction = d.get("eval_fraction").map(n -> n.number(0.01, 0.99)).orElse(0.3);
        return new DataSpec(source, path, behaviour, epsilon, episodes, fraction);
    }

    private static CandidateSpec candidate(YamlNode c, EnvSpec env, LearnSpec learn) {
        String algorithm;
        SamplingConfig sampling = SamplingConfig.DEFAULT;
        String label = null;
        Map<String, Object> overrides = new LinkedHashMap<>();
        YamlNode algoNode;
        YamlNode configNode = null;
        if (c.isScalar()) {
            algoNode = c;
            String text = c.string().trim().toLowerCase(Locale.ROOT);
            int plus = text.indexOf('+');
            algorithm = plus < 0 ? text : text.substring(0, plus);
            if (plus >= 0) {
                sampling = SamplingConfig.of(scheme(c, text.substring(plus + 1)));
            }
        } else {
            c.allowOnly("algorithm", "name", "sampling", "temperature", "config");
            algoNode = c.require("algorithm");
            algorithm = algoNode.string().trim().toLowerCase(Locale.ROOT);
            if (c.get("sampling").isPresent()) {
                sampling = SamplingConfig.of(scheme(c.require("sampling"), c.require("sampling").string()));
            }
            if (c.get("temperature").isPresent()) {
                YamlNode tn = c.require("temperature");
                sampling = sampling.withTemperature(tn.number(1e-6, 1e6));
            }
            label = c.get("name").map(YamlNode::string).orElse(null);
            configNode = c.get("config").orElse(null);
        }
        if (!Algorithms.offlineNames().contains(algorithm)) {
            throw algoNode.error("unknown offline algorithm '" + algorithm + "'"
                    + YamlNode.suggestion(algorithm, Algorithms.offlineNames()) + "; allowed: "
                    + String.join(", ", Algorithms.offlineNames())
                    + " (add +aw or +rw for advantage- or return-weighted sampling, e.g. iql+aw)");
        }
        Algorithms.OfflineAlgorithm algo = Algorithms.offline(algorithm);
        Map<String, Object> cfg = baseConfig(algorithm, learn);
        if (configNode != null) {
            for (Map.Entry<String, YamlNode> e : configNode.entries().entrySet()) {
                String key = camel(e.getKey());
                if (!cfg.containsKey(key)) {
                    throw e.getValue().error("unknown " + algorithm + " config key '" + e.getKey() + "'"
                            + YamlNode.suggestion(key, cfg.keySet()) + "; allowed: " + String.join(", ", cfg.keySet())
                            + " (snake_case works too)");
                }
                Object v = convert(e.getValue(), cfg.get(key));
                cfg.put(key, v);
                overrides.put(key, v);
            }
        }
        if (label == null) {
            label = CandidateSpec.defaultLabel(algorithm, sampling.scheme());
        }
        if (!label.matches("[A-Za-z0-9._+-]{1,48}")) {
            throw c.error("candidate name '" + label + "' becomes a folder name: use letters, digits, '.', '_', '+' or"
                    + " '-'");
        }
        if (label.equalsIgnoreCase(RESERVED_LABEL)) {
            throw c.get("name").orElse(c).error("candidate name '" + label + "' is reserved for the behaviour policy"
                    + " (the report compares every candidate with it); choose another name");
        }
        try {
            algo.config().apply(cfg, c.where()).build(env);
        } catch (QuiverUserException e) {
            throw c.error(e.getMessage());
        }
        return new CandidateSpec(label, algorithm, sampling, overrides);
    }

    /** The configuration map a candidate trains with: defaults, then the study's learn settings, then overrides. */
    public static Map<String, Object> configMap(CandidateSpec c, LearnSpec learn) {
        Map<String, Object> cfg = baseConfig(c.algorithm(), learn);
        cfg.putAll(c.overrides());
        return cfg;
    }

    /** An algorithm's defaults with the study's network widths (every hidden-layer key) and batch size. */
    private static Map<String, Object> baseConfig(String algorithm, LearnSpec learn) {
        Map<String, Object> cfg = new LinkedHashMap<>(Algorithms.offline(algorithm).defaults().get());
        for (String k : HIDDEN_KEYS) {
            if (cfg.containsKey(k)) {
                cfg.put(k, learn.hidden());
            }
        }
        if (cfg.containsKey("batchSize")) {
            cfg.put("batchSize", learn.batchSize());
        }
        return cfg;
    }

    private static SamplingScheme scheme(YamlNode at, String name) {
        try {
            return SamplingScheme.parse(name.trim());
        } catch (QuiverUserException e) {
            throw at.error("unknown sampling '" + name.trim() + "'; allowed: uniform, rw, aw");
        }
    }

    private static Object convert(YamlNode n, Object current) {
        if (current instanceof Double) {
            return n.number();
        }
        if (current instanceof Integer) {
            return n.integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (current instanceof Long) {
            return n.integer();
        }
        if (current instanceof Boolean) {
            return n.bool();
        }
        if (current instanceof List<?>) {
            return n.integers(1, 1 << 16);
        }
        if (current instanceof String) {
            return n.string().trim().toUpperCase(Locale.ROOT);
        }
        throw n.error("this key cannot be set from a study file");
    }

    private static LearnSpec learn(YamlNode n) {
        LearnSpec d = LearnSpec.defaults();
        if (n == null) {
            return d;
        }
        n.allowOnly("steps", "seeds", "hidden", "batch_size");
        int steps = n.get("steps").map(x -> x.integer(1, 100_000_000)).orElse(d.steps());
        List<Long> seeds = n.get("seeds").map(StudyParser::seeds).orElse(d.seeds());
        List<Integer> hidden = n.get("hidden").map(x -> nonEmpty(x, x.integers(1, 1 << 16))).orElse(d.hidden());
        int batch = n.get("batch_size").map(x -> x.integer(1, 1 << 20)).orElse(d.batchSize());
        return new LearnSpec(steps, seeds, hidden, batch);
    }

    private static List<Long> seeds(YamlNode n) {
        List<Long> out = new ArrayList<>();
        if (n.isScalar()) {
            int count = n.integer(1, 1000);
            for (long s = 0; s < count; s++) {
                out.add(s);
            }
            return out;
        }
        for (YamlNode s : n.items()) {
            long v = s.integer();
            if (out.contains(v)) {
                throw s.error("seed " + v + " is listed twice");
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw n.error("give at least one seed, or a count (seeds: 3 means 0, 1, 2)");
        }
        return out;
    }

    /**
     * {@code n.estimators} (one name or a list), each name read and checked by {@code name}, none listed twice;
     * {@code defaults} when the key is absent.
     */
    private static List<String> estimators(YamlNode n, List<String> defaults, Function<YamlNode, String> name) {
        if (n.get("estimators").isEmpty()) {
            return defaults;
        }
        YamlNode list = n.require("estimators");
        List<String> estimators = new ArrayList<>();
        for (YamlNode e : list.isScalar() ? List.of(list) : list.items()) {
            String x = name.apply(e);
            if (estimators.contains(x)) {
                throw e.error("estimator '" + x + "' is listed twice");
            }
            estimators.add(x);
        }
        return nonEmpty(list, estimators);
    }

    /** {@code n.select_by}, one of {@code estimators}; else {@code dflt} if listed, else the first estimator. */
    private static String selectBy(YamlNode n, List<String> estimators, String dflt) {
        if (n.get("select_by").isPresent()) {
            return n.require("select_by").choice(estimators);
        }
        return estimators.contains(dflt) ? dflt : estimators.get(0);
    }

    /** A bandit estimator's name (case-insensitive), checked against quiver-ope's {@link Estimators}. */
    private static String banditEstimator(YamlNode e) {
        String name = e.string().trim().toLowerCase(Locale.ROOT);
        try {
            Estimators.byName(name);
        } catch (QuiverUserException ex) {
            throw e.error(ex.getMessage());
        }
        return name;
    }

    private static <T> List<T> nonEmpty(YamlNode n, List<T> l) {
        if (l.isEmpty()) {
            throw n.error("give at least one value");
        }
        return l;
    }

    private static EstimateSpec estimate(YamlNode n) {
        EstimateSpec d = EstimateSpec.defaults();
        if (n == null) {
            return d;
        }
        n.allowOnly("gamma", "estimators", "select_by", "rank_by", "confidence", "bootstrap", "fqe");
        double gamma = n.get("gamma").map(x -> x.number(0, 1)).orElse(d.gamma());
        List<String> estimators = estimators(n, d.estimators(), e -> e.choice(EstimateSpec.ESTIMATORS));
        String selectBy = selectBy(n, estimators, d.selectBy());
        String rankBy = n.get("rank_by").map(x -> x.choice(EstimateSpec.RANK_BY)).orElse(d.rankBy());
        double confidence = n.get("confidence").map(x -> x.number(0.5, 0.999)).orElse(d.confidence());
        int bootstrap = n.get("bootstrap").map(x -> x.integer(10, 1_000_000)).orElse(d.bootstrap());
        FqeSpec fqe = fqe(n.get("fqe").orElse(null));
        return new EstimateSpec(gamma, estimators, selectBy, rankBy, confidence, bootstrap, fqe);
    }

    private static FqeSpec fqe(YamlNode n) {
        FqeSpec d = FqeSpec.defaults();
        if (n == null) {
            return d;
        }
        n.allowOnly("steps", "hidden", "learning_rate", "batch_size", "target_update_interval");
        return new FqeSpec(n.get("steps").map(x -> x.integer(1, 100_000_000)).orElse(d.steps()),
                n.get("hidden").map(x -> x.integers(1, 1 << 16)).orElse(d.hidden()),
                n.get("learning_rate").map(x -> x.number(1e-9, 1)).orElse(d.learningRate()),
                n.get("batch_size").map(x -> x.integer(1, 1 << 20)).orElse(d.batchSize()),
                n.get("target_update_interval").map(x -> x.integer(1, 100_000_000)).orElse(d.targetUpdateInterval()));
    }

    private static VerifySpec verify(YamlNode n) {
        VerifySpec d = VerifySpec.defaults();
        if (n == null) {
            return d;
        }
        n.allowOnly("episodes", "bootstrap");
        return new VerifySpec(n.get("episodes").map(x -> x.integer(2, 1_000_000)).orElse(d.episodes()),
                n.get("bootstrap").map(x -> x.integer(100, 1_000_000)).orElse(d.bootstrap()));
    }

    private static QuantifySpec quantify(YamlNode n) {
        QuantifySpec d = QuantifySpec.defaults();
        if (n == null) {
            return d;
        }
        n.allowOnly("method", "alpha", "episodes", "fit_fraction", "calibration_fraction");
        String method = n.get("method").map(x -> x.choice(QuantifySpec.METHODS)).orElse(d.method());
        double alpha = n.get("alpha").map(x -> x.number(0.001, 0.5)).orElse(d.alpha());
        int episodes = n.get("episodes").map(x -> x.integer(10, 1_000_000)).orElse(d.episodes());
        double fit = n.get("fit_fraction").map(x -> x.number(0.05, 0.9)).orElse(d.fitFraction());
        double cal = n.get("calibration_fraction").map(x -> x.number(0.05, 0.9)).orElse(d.calibrationFraction());
        if (fit + cal > QuantifySpec.MAX_FIT_AND_CALIBRATION + 1e-9) {
            throw n.error("fit_fraction + calibration_fraction = " + num(fit + cal) + " leaves too few test"
                    + " episodes; keep the sum at most " + num(QuantifySpec.MAX_FIT_AND_CALIBRATION));
        }
        int calibration = (int) Math.floor(cal * episodes);
        if (calibration < Math.ceil(1 / alpha) - 1) {
            throw n.error("with alpha " + alpha + " split conformal needs at least " + (int) (Math.ceil(1 / alpha) - 1)
                    + " calibration episodes for a finite interval, but calibration_fraction * episodes = " + calibration);
        }
        return new QuantifySpec(method, alpha, episodes, fit, cal);
    }

    // ---------------------------------------------------------------- bandit

    private static BanditStudy bandit(YamlNode root, Path base) {
        BanditDataSpec data = banditData(root.require("data"), base);
        BanditEstimateSpec estimate = banditEstimate(root.get("estimate").orElse(null));
        int truth = 50_000;
        if (root.get("verify").isPresent()) {
            YamlNode v = root.require("verify");
            v.allowOnly("truth_contexts");
            truth = v.get("truth_contexts").map(x -> x.integer(100, 10_000_000)).orElse(truth);
        }
        YamlNode cands = root.require("candidates");
        List<BanditCandidateSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode c : cands.items()) {
            BanditCandidateSpec s = banditCandidate(c);
            if (!names.add(s.name())) {
                throw c.error("two candidates are called '" + s.name() + "'; give one a 'name:'");
            }
            out.add(s);
        }
        if (out.size() < 2) {
            throw cands.error("give at least two candidates to choose between");
        }
        return new BanditStudy(data, out, estimate, truth);
    }

    private static BanditDataSpec banditData(YamlNode d, Path base) {
        d.allowOnly("source", "rounds", "actions", "context_dim", "reward_function", "beta", "path", "policy",
                "campaign", "eval_fraction");
        BanditDataSpec def = BanditDataSpec.defaults();
        String source = d.get("source").map(n -> n.choice(BanditDataSpec.SOURCES)).orElse("synthetic");
        List<String> applies = BanditDataSpec.keys(source);
        for (Map.Entry<String, YamlNode> e : d.entries().entrySet()) {
            if (!applies.contains(e.getKey()) && !e.getValue().isNull()) {
                String why = source.equals("obd") ? "it sets up synthetic logs (source 'synthetic'), and source 'obd'"
                        + " reads the logs from the dataset folder" : "it is for an Open Bandit Dataset (source"
                        + " 'obd'), and source 'synthetic' generates the logs";
                throw e.getValue().error("'" + e.getKey() + "' does not apply to source '" + source + "': " + why
                        + "; allowed keys for source " + source + ": " + String.join(", ", applies));
            }
        }
        List<String> functions = new ArrayList<>();
        for (RewardFunction f : RewardFunction.values()) {
            functions.add(f.cliName());
        }
        Path path = null;
        if (source.equals("obd")) {
            YamlNode p = d.get("path").orElseThrow(() -> d.error("source 'obd' needs 'path:' (an Open Bandit Dataset"
                    + " folder)"));
            path = base == null ? Path.of(p.string()) : base.resolve(p.string()).normalize();
            if (!Files.isDirectory(path)) {
                throw p.error("no such Open Bandit Dataset folder: " + path);
            }
        }
        return new BanditDataSpec(source,
                d.get("rounds").map(n -> n.integer(100, 100_000_000)).orElse(def.rounds()),
                d.get("actions").map(n -> n.integer(2, 10_000)).orElse(def.actions()),
                d.get("context_dim").map(n -> n.integer(1, 10_000)).orElse(def.contextDim()),
                d.get("reward_function").map(n -> n.choice(functions)).orElse(def.rewardFunction()),
                d.get("beta").map(n -> n.number(-100, 100)).orElse(def.beta()),
                path,
                d.get("policy").map(n -> n.choice(List.of("random", "bts"))).orElse(def.policy()),
                d.get("campaign").map(YamlNode::string).orElse(def.campaign()),
                d.get("eval_fraction").map(n -> n.number(0.05, 0.95)).orElse(def.evalFraction()));
    }

    private static BanditCandidateSpec banditCandidate(YamlNode c) {
        if (c.isScalar()) {
            String kind = c.choice(BanditCandidateSpec.KINDS);
            return banditCandidate(c, kind, null, Double.NaN, 100, null);
        }
        c.allowOnly("kind", "name", "model", "epsilon", "beta", "alpha", "v", "draws");
        String kind = c.require("kind").choice(BanditCandidateSpec.KINDS);
        String model = c.get("model").map(n -> n.choice(BanditCandidateSpec.MODELS)).orElse(null);
        double parameter = Double.NaN;
        String parameterKey = switch (kind) {
            case "epsilon-greedy" -> "epsilon";
            case "softmax" -> "beta";
            case "linucb" -> "alpha";
            case "lints" -> "v";
            default -> null;
        };
        for (String k : List.of("epsilon", "beta", "alpha", "v")) {
            if (c.get(k).isPresent() && !k.equals(parameterKey)) {
                throw c.require(k).error("'" + k + "' does not apply to kind '" + kind + "'"
                        + (parameterKey == null ? "" : "; its parameter is '" + parameterKey + "'"));
            }
        }
        if (parameterKey != null && c.get(parameterKey).isPresent()) {
            YamlNode p = c.require(parameterKey);
            parameter = parameterKey.equals("epsilon") ? p.number(0, 1) : p.number(0, 1000);
        }
        int draws = c.get("draws").map(n -> n.integer(1, 100_000)).orElse(100);
        return banditCandidate(c, kind, model, parameter, draws, c.get("name").map(YamlNode::string).orElse(null));
    }

    private static BanditCandidateSpec banditCandidate(YamlNode at, String kind, String model, double parameter,
            int draws, String name) {
        boolean usesModel = kind.equals("greedy") || kind.equals("epsilon-greedy") || kind.equals("softmax");
        if (!usesModel && model != null) {
            throw at.error("'model' applies to greedy, epsilon-greedy and softmax candidates, not '" + kind + "'");
        }
        String m = usesModel ? (model == null ? "logistic" : model) : null;
        double p = parameter;
        if (Double.isNaN(p)) {
            p = switch (kind) {
                case "epsilon-greedy" -> 0.1;
                case "softmax" -> 10.0;
                case "linucb" -> 1.0;
                case "lints" -> 0.3;
                default -> Double.NaN;
            };
        }
        String n = name;
        if (n == null) {
            n = switch (kind) {
                case "greedy" -> "greedy-" + m;
                case "epsilon-greedy" -> "eps-greedy-" + m + "-" + trim(p);
                case "softmax" -> "softmax-" + m + "-" + trim(p);
                case "linucb" -> "linucb-" + trim(p);
                case "lints" -> "lints-" + trim(p);
                default -> kind;
            };
        }
        return new BanditCandidateSpec(n, kind, m, p, draws);
    }

    /** {@code d} with at most six significant digits, without trailing zeros (for messages). */
    private static String num(double d) {
        return new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static BanditEstimateSpec banditEstimate(YamlNode n) {
        BanditEstimateSpec d = BanditEstimateSpec.defaults();
        if (n == null) {
            return d;
        }
        n.allowOnly("estimators", "reward_model", "folds", "select_by", "rank_by", "confidence", "bootstrap");
        List<String> estimators = estimators(n, d.estimators(), StudyParser::banditEstimator);
        String selectBy = selectBy(n, estimators, d.selectBy());
        return new BanditEstimateSpec(estimators,
                n.get("reward_model").map(x -> x.choice(BanditCandidateSpec.MODELS)).orElse(d.rewardModel()),
                n.get("folds").map(x -> x.integer(1, 20)).orElse(d.folds()),
                selectBy,
                n.get("rank_by").map(x -> x.choice(EstimateSpec.RANK_BY)).orElse(d.rankBy()),
                n.get("confidence").map(x -> x.number(0.5, 0.999)).orElse(d.confidence()),
                n.get("bootstrap").map(x -> x.integer(10, 1_000_000)).orElse(d.bootstrap()));
    }

    /** {@code discrete_alpha} → {@code discreteAlpha}; camelCase stays as it is. */
    static String camel(String key) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : key.trim().toCharArray()) {
            if (ch == '_' || ch == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }
}
