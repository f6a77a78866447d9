package dev.quiver.cli.bandit;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.env.BanditEnvironment;
import dev.quiver.bandits.env.SimulatorConfig;
import dev.quiver.bandits.sim.AlgorithmNames;
import dev.quiver.bandits.sim.RegretCurve;
import dev.quiver.bandits.sim.RegretExperiment;
import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.cli.train.SeedList;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.report.plot.PlotStyle;
import dev.quiver.report.plot.SampleEfficiencyCurve;
import dev.quiver.report.plot.SampleEfficiencyPlot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver bandit simulate}: runs bandit algorithms on a simulator over several seeds and reports each
 * one's cumulative expected-reward regret at the last round with a percentile-bootstrap interval over
 * seeds; optionally draws the regret curves (mean and band per round) and writes them as JSON.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run bandit algorithms on a simulator over several seeds: cumulative regret in expected"
                + " reward (best arm's mean minus the chosen arm's mean, summed over rounds), mean over seeds with a"
                + " 95%% percentile-bootstrap interval per round.",
            "Seed s fixes the instance, the contexts and the reward noise (the same for every algorithm) and the"
                + " algorithm's own randomness; results do not depend on --threads.",
            "Algorithms: epsgreedy, ucb1, ts-beta, ts-gaussian (context-free); linucb, lints, squarecb, fastcb"
                + " (linear); neusquarecb, neufastcb (neural, Deb et al. 2023)."})
public final class BanditSimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--algo", paramLabel = "LIST", split = ",",
            defaultValue = "linucb,lints,squarecb,fastcb,neusquarecb,neufastcb",
            description = "Algorithms, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> algorithms;

    @Option(names = "--param", paramLabel = "ALGO.KEY=VALUE",
            description = "Change one setting of one algorithm's defaults; repeatable. Keys: epsgreedy epsilon, decay;"
                    + " ucb1 c; ts-beta alpha, beta; ts-gaussian scale; linucb alpha, lambda; lints v, lambda;"
                    + " squarecb/fastcb gamma-scale, gamma-exponent, lambda; neusquarecb/neufastcb lr, hidden (e.g."
                    + " 64x64), cp, window, gamma-scale, gamma-exponent.")
    List<String> params = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME", defaultValue = "nonlinear",
            description = "Simulator: bernoulli, gaussian (multi-armed), linear (x.theta), nonlinear (cos(3 x.theta)),"
                    + " quadratic ((x.theta)^2), sparse (s-sparse theta plus a deviation |eta| <= epsilon)"
                    + " (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = "--rounds", paramLabel = "T", defaultValue = "2000",
            description = "Rounds per run (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seeds", paramLabel = "0..9", defaultValue = "0..9",
            description = "Seeds: a range A..B (inclusive) or a list 0,1,2 (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--arms", paramLabel = "K", defaultValue = "4", description = "Arms (default: ${DEFAULT-VALUE}).")
    int arms;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "10",
            description = "Feature dimension of contextual simulators (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--noise", paramLabel = "SD", defaultValue = "0.1",
            description = "Gaussian reward noise sd (not for bernoulli) (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--sparsity", paramLabel = "S", defaultValue = "2",
            description = "Non-zero entries of theta for --env sparse (default: ${DEFAULT-VALUE}).")
    int sparsity;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0.05",
            description = "Misspecification bound for --env sparse (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--points", paramLabel = "N", defaultValue = "100",
            description = "Rounds at which curves are summarised for the plot and JSON (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--reps", paramLabel = "R", defaultValue = "2000",
            description = "Bootstrap resamples per summarised round (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed of the bootstrap resampling (default: ${DEFAULT-VALUE}).")
    long bootstrapSeed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads over (algorithm, seed) runs; results do not depend on it"
                    + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--plot", paramLabel = "OUT.png|OUT.svg", description = "Also draw the regret curves.")
    Path plot;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write settings, estimates and curves as JSON.")
    Path json;

    @Option(names = "--no-progress", description = "Print no progress lines to stderr.")
    boolean noProgress;

    /** Confidence of the intervals. */
    static final double CONFIDENCE = 0.95;

    @Override
    public Integer call() {
        SimulatorConfig envConfig = envConfig();
        List<AlgorithmConfig> configs = algorithms();
        long[] seedList = SeedList.parse(seeds, "--seeds");
        if (rounds < 1) {
            throw new QuiverUserException("--rounds must be at least 1, got " + rounds);
        }
        if (threads < 1) {
            throw new QuiverUserException("--threads must be at least 1, got " + threads);
        }
        if (points < 1) {
            throw new QuiverUserException("--points must be at least 1, got " + points);
        }
        if (reps < 1) {
            throw new QuiverUserException("--reps must be at least 1, got " + reps);
        }
        RegretExperiment experiment;
        try {
            experiment = new RegretExperiment(envConfig, configs, rounds, seedList, threads);
        } catch (IllegalArgumentException e) {
            throw new QuiverUserException("--algo: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BanditEnvironment example = envConfig.build(seedList[0]);
        out.printf(Locale.ROOT, "quiver bandit simulate: %s; %d rounds, %d seeds, %d thread%s%n", example.describe(),
                rounds, seedList.length, threads, threads == 1 ? "" : "s");
        out.flush();
        long start = System.nanoTime();
        int total = experiment.runs();
        Map<String, double[][]> regrets = experiment.run(done -> {
            if (!noProgress && (done == total || done % Math.max(1, total / 10) == 0)) {
                synchronized (err) {
                    err.printf(Locale.ROOT, "  run %d/%d, %.1f s%n", done, total, (System.nanoTime() - start) / 1e9);
                    err.flush();
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        int[] checkpoints = RegretCurve.checkpoints(rounds, points);
        Map<String, RegretCurve> curves = new LinkedHashMap<>();
        regrets.forEach((name, r) -> curves.put(name, RegretCurve.of(name, r, checkpoints, CONFIDENCE, reps,
                bootstrapSeed)));
        print(out, curves, regrets, seedList.length, seconds);
        if (json != null) {
            Json.writeFile(json, document(envConfig, example, configs, seedList, curves, seconds));
        }
        if (plot != null) {
            List<SampleEfficiencyCurve> lines = new ArrayList<>();
            double[] x = new double[checkpoints.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = checkpoints[i];
            }
            curves.forEach((name, c) -> lines.add(new SampleEfficiencyCurve(name, x, c.mean(), c.low(), c.high())));
            SampleEfficiencyPlot.of(lines).withMarkers(false).withLabels("Round", "Cumulative regret")
                    .withTitle(example.describe() + ", " + seedList.length + " seeds, 95% CI")
                    .withStyle(PlotStyle.defaults()).save(plot);
        }
        return 0;
    }

    private void print(PrintWriter out, Map<String, RegretCurve> curves, Map<String, double[][]> regrets, int n,
            double seconds) {
        int half = Math.max(1, rounds / 2);
        Table t = new Table("algorithm", ">regret at T", ">95% CI", ">regret at T/2", ">per round, 2nd half");
        curves.forEach((name, c) -> {
            double[][] r = regrets.get(name);
            double atHalf = 0;
            for (double[] run : r) {
                atHalf += run[half - 1];
            }
            atHalf /= r.length;
            double secondHalf = rounds > half ? (c.finalRegret().point() - atHalf) / (rounds - half) : Double.NaN;
            t.row(name, Format.num(c.finalRegret().point()), Format.interval(c.finalRegret()), Format.num(atHalf),
                    Format.num(secondHalf));
        });
        t.print(out);
        out.printf(Locale.ROOT, "%nT = %d; mean over %d seeds, %s (%d resamples); took %.1f s%n", rounds, n,
                "95% percentile-bootstrap interval over seeds", reps, seconds);
        out.flush();
    }

    private Map<String, Object> document(SimulatorConfig envConfig, BanditEnvironment example,
            List<AlgorithmConfig> configs, long[] seedList, Map<String, RegretCurve> curves, double seconds) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "bandit simulate");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", envConfig.kind().cliName());
        e.put("arms", envConfig.arms());
        e.put("dim", envConfig.multiArmed() ? 0 : envConfig.dim());
        e.put("noise_sd", envConfig.noiseSd());
        if (envConfig.kind() == SimulatorConfig.Kind.SPARSE) {
            e.put("sparsity", envConfig.sparsity());
            e.put("epsilon", envConfig.misspecification());
        }
        e.put("description", example.describe());
        e.put("description_of_seed", seedList[0]);
        doc.put("env", e);
        doc.put("rounds", rounds);
        doc.put("seeds", seedList);
        doc.put("threads", threads);
        doc.put("bootstrap", Map.of("reps", reps, "confidence", CONFIDENCE, "seed", bootstrapSeed));
        Map<String, Object> algs = new LinkedHashMap<>();
        for (AlgorithmConfig c : configs) {
            RegretCurve curve = curves.get(c.name());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("config", c.toString());
            a.put("final_regret", Json.estimate(curve.finalRegret()));
            a.put("per_seed_final_regret", curve.perSeedFinal());
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("round", curve.rounds());
            cv.put("mean", curve.mean());
            cv.put("low", curve.low());
            cv.put("high", curve.high());
            a.put("curve", cv);
            algs.put(c.name(), a);
        }
        doc.put("algorithms", algs);
        doc.put("seconds", seconds);
        return doc;
    }

    private SimulatorConfig envConfig() {
        SimulatorConfig.Kind kind;
        try {
            kind = SimulatorConfig.Kind.parse(env);
        } catch (IllegalArgumentException e) {
            throw new QuiverUserException("--env: " + e.getMessage(), e);
        }
        try {
            return SimulatorConfig.of(kind).withArms(arms).withDim(dim).withNoiseSd(noise).withSparsity(sparsity)
                    .withMisspecification(epsilon);
        } catch (IllegalArgumentException e) {
            throw new QuiverUserException("--arms/--dim/--noise/--sparsity/--epsilon: " + e.getMessage(), e);
        }
    }

    private List<AlgorithmConfig> algorithms() {
        List<AlgorithmConfig> out = new ArrayList<>();
        for (String a : algorithms) {
            try {
                out.add(AlgorithmNames.defaults(a));
            } catch (IllegalArgumentException e) {
                throw new QuiverUserException("--algo: " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new QuiverUserException("--algo: no algorithms given; expected some of "
                    + String.join(", ", AlgorithmNames.names()));
        }
        return AlgorithmParams.apply(out, params);
    }
}
