package dev.quiver.cli.bandit;

import dev.quiver.bandits.sparse.BestArmSearch;
import dev.quiver.bandits.sparse.DenseDesignSearch;
import dev.quiver.bandits.sparse.ExhaustiveSearch;
import dev.quiver.bandits.sparse.SearchResult;
import dev.quiver.bandits.sparse.SparseArmsConfig;
import dev.quiver.bandits.sparse.SparseDesignSearch;
import dev.quiver.bandits.sparse.SparseExperiment;
import dev.quiver.bandits.sparse.SparseNetSearch;
import dev.quiver.bandits.sparse.Supports;
import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.cli.train.SeedList;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.bootstrap.PercentileBootstrap;
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
 * {@code quiver bandit sparse}: best-arm searches on sparse misspecified linear bandits (Dong and Yang
 * 2023), each reporting its queries and the gap of the arm it returns, in units of epsilon, over seeds.
 */
@Command(name = "sparse", mixinStandardHelpOptions = true,
        description = {"Find a near-optimal arm of a misspecified linear bandit (K arms on the unit sphere of R^d,"
                + " rewards x.theta + eta(x), |eta| <= epsilon, theta s-sparse) by queries, and count them:"
                + " sparse-net (support enumeration and an epsilon/2-net, Dong and Yang 2023), sparse-design"
                + " (a G-optimal design per support), dense-design (one G-optimal design on all d coordinates,"
                + " Lattimore et al. 2020) and exhaustive (query every arm).",
            "Reports per method the queries and the returned arm's gap to the best arm in units of epsilon (mean"
                + " with a 95%% percentile-bootstrap interval over seeds), and how often the gap is at most"
                + " 3 epsilon."})
public final class BanditSparseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "16", description = "Dimension d (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--sparsity", paramLabel = "S", defaultValue = "2",
            description = "Sparsity s of theta, known to the sparse searches (default: ${DEFAULT-VALUE}).")
    int sparsity;

    @Option(names = "--arms", paramLabel = "K", defaultValue = "20000",
            description = "Arms (default: ${DEFAULT-VALUE}).")
    int arms;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0.05",
            description = "Misspecification bound epsilon (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--noise", paramLabel = "SD", defaultValue = "0",
            description = "Query noise sd; 0 answers exactly (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--eta", paramLabel = "KIND", defaultValue = "adversarial",
            description = "Misspecification: adversarial (worst case for dense-design), structured"
                    + " (epsilon cos(20 x.u)) or none (default: ${DEFAULT-VALUE}).")
    String eta;

    @Option(names = "--methods", paramLabel = "LIST", split = ",",
            defaultValue = "sparse-net,sparse-design,dense-design,exhaustive",
            description = "Searches (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--seeds", paramLabel = "0..9", defaultValue = "0..9",
            description = "Instance seeds: a range A..B or a list (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads over seeds; results do not depend on it (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--reps", paramLabel = "R", defaultValue = "2000",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed of the bootstrap resampling (default: ${DEFAULT-VALUE}).")
    long bootstrapSeed;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write settings and results as JSON.")
    Path json;

    @Option(names = "--no-progress", description = "Print no progress lines to stderr.")
    boolean noProgress;

    /** The gap, in units of epsilon, counted as "O(epsilon)-optimal" (sparse-net's noiseless guarantee). */
    static final double SUCCESS = 3.0;

    @Override
    public Integer call() {
        SparseArmsConfig config;
        try {
            config = new SparseArmsConfig(dim, sparsity, arms, epsilon, noise, SparseArmsConfig.Eta.parse(eta));
        } catch (IllegalArgumentException e) {
            throw new QuiverUserException("--dim/--sparsity/--arms/--epsilon/--noise/--eta: " + e.getMessage(), e);
        }
        if (!(epsilon > 0)) {
            throw new QuiverUserException("--epsilon must be positive (gaps are reported in units of it), got "
                    + epsilon);
        }
        if (threads < 1 || reps < 1) {
            throw new QuiverUserException("--threads and --reps must be at least 1");
        }
        List<BestArmSearch> searches = new ArrayList<>();
        for (String m : methods) {
            searches.add(switch (m.trim().toLowerCase(Locale.ROOT)) {
                case "sparse-net" -> SparseNetSearch.defaults(sparsity);
                case "sparse-design" -> SparseDesignSearch.defaults(sparsity);
                case "dense-design" -> DenseDesignSearch.defaults();
                case "exhaustive" -> ExhaustiveSearch.defaults();
                default -> throw new QuiverUserException("--methods: unknown search '" + m
                        + "'; expected sparse-net, sparse-design, dense-design or exhaustive");
            });
        }
        long[] seedList = SeedList.parse(seeds, "--seeds");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "quiver bandit sparse: K = %d arms in R^%d, theta %d-sparse (C(d, s) = %.0f supports),"
                + " epsilon = %s, %s eta, %s; %d seeds%n", arms, dim, sparsity, Supports.count(dim, sparsity),
                Format.trimmed(epsilon), config.eta().name().toLowerCase(Locale.ROOT),
                noise == 0 ? "exact answers" : "noise sd " + Format.trimmed(noise), seedList.length);
        out.flush();
        long start = System.nanoTime();
        Map<String, SearchResult[]> results = new SparseExperiment(config, searches, seedList, threads).run(done -> {
            if (!noProgress) {
                synchronized (err) {
                    err.printf(Locale.ROOT, "  seed %d/%d, %.1f s%n", done, seedList.length,
                            (System.nanoTime() - start) / 1e9);
                    err.flush();
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Table t = new Table("method", ">queries", ">95% CI", ">gap/epsilon", ">95% CI", ">max gap/epsilon",
                ">gap <= 3 eps");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "bandit sparse");
        doc.put("instance", Map.of("dim", dim, "sparsity", sparsity, "arms", arms, "epsilon", epsilon, "noise_sd", noise,
                "eta", config.eta().name().toLowerCase(Locale.ROOT)));
        doc.put("seeds", seedList);
        Map<String, Object> perMethod = new LinkedHashMap<>();
        Seeds boot = Seeds.of(bootstrapSeed);
        for (Map.Entry<String, SearchResult[]> e : results.entrySet()) {
            SearchResult[] rs = e.getValue();
            double[] q = new double[rs.length];
            double[] g = new double[rs.length];
            double max = 0;
            int ok = 0;
            for (int i = 0; i < rs.length; i++) {
                q[i] = rs[i].queries();
                g[i] = rs[i].gapOverEpsilon();
                max = Math.max(max, g[i]);
                ok += g[i] <= SUCCESS + 1e-9 ? 1 : 0;
            }
            Estimate qe = PercentileBootstrap.mean(q, 0.95, reps, boot.child(e.getKey()).child("queries").rng());
            Estimate ge = PercentileBootstrap.mean(g, 0.95, reps, boot.child(e.getKey()).child("gap").rng());
            t.row(e.getKey(), String.format(Locale.ROOT, "%.0f", qe.point()),
                    String.format(Locale.ROOT, "[%.0f, %.0f]", qe.low(), qe.high()), Format.num(ge.point()),
                    Format.interval(ge), Format.num(max), ok + "/" + rs.length);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("queries", Json.estimate(qe));
            m.put("gap_over_epsilon", Json.estimate(ge));
            m.put("per_seed_queries", q);
            m.put("per_seed_gap_over_epsilon", g);
            m.put("successes_gap_at_most_3_epsilon", ok);
            perMethod.put(e.getKey(), m);
        }
        t.print(out);
        out.printf(Locale.ROOT, "%nmean over %d seeds with a 95%% percentile-bootstrap interval (%d resamples); gap = best"
                + " arm's expected reward minus the returned arm's; took %.1f s%n", seedList.length, reps, seconds);
        out.flush();
        doc.put("methods", perMethod);
        doc.put("seconds", seconds);
        if (json != null) {
            Json.writeFile(json, doc);
        }
        return 0;
    }
}
