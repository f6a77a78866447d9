package dev.quiver.cli;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver envs tour} (also {@code quiver demo --tour}): a quick tour of the environments: random versus
 * optimal policies on the toy-text envs, and CartPole.
 */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {"A quick tour (a few seconds): the returns of a random and of the optimal policy on"
                + " FrozenLake-v1 (slippery), FrozenLake8x8-v1, CliffWalking-v0 and Taxi-v3, and of a random"
                + " policy on CartPole-v1, each mean with a 95%% percentile-bootstrap interval, next to the exact expected return from the model.",
            "optimal = greedy policy of value iteration with gamma = 1 on the env's exact model (ties broken by"
                + " gamma = 0.999 values)."})
public final class EnvsTourCommand implements Callable<Integer> {
    /** The toy-text envs compared. */
    static final List<String> TABULAR = List.of("FrozenLake-v1", "FrozenLake8x8-v1", "CliffWalking-v0", "Taxi-v3");

    @Spec
    CommandSpec spec;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "200",
            description = "Episodes per toy-text env and policy (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--cartpole-episodes", paramLabel = "N", defaultValue = "100",
            description = "Episodes of the random CartPole-v1 policy (default: ${DEFAULT-VALUE}).")
    int cartpoleEpisodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Root seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the table as JSON to OUT.")
    Path json;

    @Override
    public Integer call() {
        if (episodes < 1 || cartpoleEpisodes < 1) {
            throw new QuiverUserException("--episodes and --cartpole-episodes must be at least 1, got " + episodes
                    + " and " + cartpoleEpisodes);
        }
        PrintWriter out = spec.commandLine().getOut();
        Seeds root = Seeds.of(seed);
        Table table = new Table("env", "policy", ">episodes", ">mean return", ">95% interval", ">exact",
                "covers", ">mean length", ">solved at");
        List<Object> rows = new ArrayList<>();
        for (String id : TABULAR) {
            for (PolicyKind kind : PolicyKind.values()) {
                rows.add(row(table, id, kind, episodes, root));
            }
        }
        rows.add(row(table, "CartPole-v1", PolicyKind.random, cartpoleEpisodes, root));
        table.print(out);
        out.println();
        out.println("optimal: " + Policies.describe(PolicyKind.optimal) + "; random: "
                + Policies.describe(PolicyKind.random) + ".");
        out.println("Intervals: 95% percentile bootstrap of the mean return, " + Rollouts.BOOTSTRAP_REPS
                + " resamples; root seed " + seed + ". Envs use Gymnasium's defaults (FrozenLake is slippery).");
        out.println("exact: the policy's true expected return from the env's exact model (finite-horizon evaluation"
                + " under the time limit); 'covers' says whether the interval contains it (about 95% of rows should).");
        boolean degenerateMiss = rows.stream().map(r -> (Map<?, ?>) r).anyMatch(r -> Boolean.FALSE.equals(
                r.get("interval_covers_exact")) && ((Estimate) r.get("mean_return")).width() == 0);
        if (degenerateMiss) {
            out.println("Note: a sample with no success at all gives a zero-width bootstrap interval that cannot cover a"
                    + " small positive truth: rare events need more episodes (or an exact binomial interval).");
        }
        out.println("Try: quiver envs run FrozenLake-v1 --policy optimal --episodes 1000 --option is_slippery=false");
        out.flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "envs tour");
            doc.put("seed", seed);
            doc.put("rows", rows);
            Json.writeFile(json, doc);
        }
        return 0;
    }

    private static Map<String, Object> row(Table table, String id, PolicyKind kind, int n, Seeds root) {
        Seeds seeds = root.child(id).child(kind.name());
        Rollouts.Result r;
        String threshold;
        try (Env<Object, Object> env = Envs.make(id)) {
            r = Rollouts.run(env, Policies.make(kind, env, seeds), n, seeds);
            threshold = env.spec().rewardThreshold().isPresent()
                    ? Format.trimmed(env.spec().rewardThreshold().getAsDouble()) : "-";
        }
        Estimate mean = Rollouts.meanWithInterval(r.returns(), seeds);
        java.util.OptionalDouble exact;
        try (Env<Object, Object> env = Envs.make(id)) {
            exact = Policies.exactReturn(kind, env);
        }
        table.row(id, kind, n, Format.num(mean.point()), Format.interval(mean),
                exact.isPresent() ? Format.num(exact.getAsDouble()) : "-",
                exact.isPresent() ? (mean.covers(exact.getAsDouble()) ? "yes" : "no") : "-",
                Format.num(r.meanLength()), threshold);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", id);
        m.put("policy", kind.name());
        m.put("episodes", n);
        m.put("mean_return", mean);
        m.put("mean_length", r.meanLength());
        if (exact.isPresent()) {
            m.put("exact_return", exact.getAsDouble());
            m.put("interval_covers_exact", mean.covers(exact.getAsDouble()));
        }
        return m;
    }
}
