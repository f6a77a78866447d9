package dev.quiver.cli;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quiver envs run ID}: roll out a policy and report the mean return with a bootstrap interval. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Roll out a policy in an environment for some episodes; print each episode's return and"
                + " the mean return with a 95%% percentile-bootstrap interval (10000 resamples).",
            "Policies: 'random' takes uniformly random actions; 'optimal' is the greedy policy of value"
                + " iteration with gamma = 1 (undiscounted) on the env's exact tabular model (ties among"
                + " gamma = 1 optimal actions broken by gamma = 0.999 values, so it also gets there fast); it is"
                + " available only for toy-text envs (FrozenLake-v1, FrozenLake8x8-v1, CliffWalking-v0, Taxi-v3)."})
public final class EnvsRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The env id, e.g. CartPole-v1 (see 'quiver envs list').")
    String id;

    @Option(names = "--policy", paramLabel = "random|optimal", defaultValue = "random",
            description = "Which policy to roll out: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); optimal ="
                    + " value iteration with gamma = 1 on the exact model (toy-text envs only).")
    PolicyKind policy;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "100",
            description = "Number of episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed; episode i resets with a seed derived from it (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the returns and the estimate as JSON to OUT.")
    Path json;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "An env option (Gymnasium kwarg), e.g. is_slippery=false, map_name=8x8,"
                    + " max_episode_steps=50 (0: no time limit). Repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (episodes < 1) {
            throw new QuiverUserException("--episodes must be at least 1, got " + episodes);
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> kwargs = kwargs(options);
        Seeds seeds = Seeds.of(seed);
        Rollouts.Result r;
        String envId;
        try (Env<Object, Object> env = Envs.make(id, kwargs)) {
            envId = env.spec().id();
            Policy<Object, Object> p = Policies.make(policy, env, seeds);
            r = Rollouts.run(env, p, episodes, seeds);
        }
        Estimate mean = Rollouts.meanWithInterval(r.returns(), seeds);
        out.println(envId + ": " + episodes + " episodes, policy " + policy + " (" + Policies.describe(policy)
                + "), seed " + seed + (options.isEmpty() ? "" : ", options " + options));
        Table t = new Table(">episode", ">return", ">length");
        for (int i = 0; i < episodes; i++) {
            t.row(i, Format.num(r.returns()[i]), r.lengths()[i]);
        }
        t.print(out);
        out.println("mean return " + Format.num(mean.point()) + ", 95% interval " + Format.interval(mean) + " ("
                + mean.method() + "); mean length " + Format.num(r.meanLength()));
        out.flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "envs run");
            doc.put("env", envId);
            doc.put("options", new LinkedHashMap<>(options));
            doc.put("policy", policy.name());
            doc.put("policy_description", Policies.describe(policy));
            doc.put("episodes", episodes);
            doc.put("seed", seed);
            doc.put("mean_return", mean);
            doc.put("mean_length", r.meanLength());
            doc.put("returns", r.returns());
            doc.put("lengths", r.lengths());
            Json.writeFile(json, doc);
        }
        return 0;
    }

    /**
     * Env options from {@code --option}: {@code max_episode_steps} becomes an integer (the registry
     * needs one); other values stay strings (envs accept "true"/"false" and numeric strings).
     */
    static Map<String, Object> kwargs(Map<String, String> options) {
        Map<String, Object> kw = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().trim();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (key.equals("max_episode_steps")) {
                try {
                    kw.put(key, Integer.parseInt(value));
                } catch (NumberFormatException ex) {
                    throw new QuiverUserException("--option max_episode_steps=" + value
                            + ": expected a non-negative integer (0: no time limit)");
                }
            } else {
                kw.put(key, value);
            }
        }
        return kw;
    }
}
