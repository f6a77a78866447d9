package dev.quiver.cli.train;

import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.registry.Envs;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.eval.Evaluation;
import dev.quiver.rl.eval.EvaluationResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quiver eval --checkpoint DIR --env ID}: plays a saved policy greedily and reports its returns. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a saved policy (a checkpoint written by 'quiver train'): play N episodes greedily,"
                + " print each episode's return and the mean return with a 95%% percentile-bootstrap interval.",
            "Episode i resets with seed S + i. Any checkpoint written by quiver train can be played."})
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "DIR", required = true,
            description = "A checkpoint directory (e.g. runs/.../seed-0/checkpoint; a seed-S folder works too).")
    Path checkpoint;

    @Option(names = "--env", paramLabel = "ID",
            description = "The env id (default: the env the checkpoint was trained on).")
    String envId;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "10",
            description = "Number of episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Episode i resets with seed S + i (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the returns and the estimate as JSON to OUT.")
    Path json;

    @Override
    public Integer call() {
        if (episodes < 1) {
            throw new QuiverUserException("--episodes must be at least 1, got " + episodes);
        }
        Path dir = checkpoint;
        if (!Files.exists(dir.resolve("manifest.json")) && Files.isDirectory(dir.resolve("checkpoint"))) {
            dir = dir.resolve("checkpoint");
        }
        if (!Files.isDirectory(dir)) {
            throw new QuiverUserException("--checkpoint " + checkpoint + ": no such directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        EvaluationResult r;
        String resolvedEnv;
        try (TrainedPolicy<?> policy = Algorithms.load(dir)) {
            resolvedEnv = evaluate(policy, dir);
            r = result;
        }
        Table t = new Table(">episode", ">return", ">length");
        for (int i = 0; i < r.episodes(); i++) {
            t.row(i, Format.num(r.returns()[i]), r.lengths()[i]);
        }
        t.print(out);
        Estimate mean = r.meanReturn();
        out.println("mean return " + Format.num(mean.point()) + ", 95% interval " + Format.interval(mean) + " ("
                + mean.method() + "); mean length " + Format.num(r.meanLength()));
        out.flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "eval");
            doc.put("checkpoint", dir.toString());
            doc.put("env", resolvedEnv);
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

    private EvaluationResult result;

    /** Plays {@code policy} on the env and keeps the result; returns the env's id. */
    private <A> String evaluate(TrainedPolicy<A> policy, Path dir) {
        try (Env<float[], A> env = Envs.make(envId != null ? envId : policy.envId())) {
            checkSpaces(policy, env.spec(), dir);
            result = Evaluation.run(env, policy, episodes, seed);
            spec.commandLine().getOut().println(env.spec().id() + ": " + episodes + " episodes of " + policy + " from "
                    + dir + ", seed " + seed);
            return env.spec().id();
        }
    }

    /** The env must have the observation and action spaces the policy was trained for. */
    static void checkSpaces(TrainedPolicy<?> policy, EnvSpec env, Path dir) {
        String why = policy.incompatibility(env);
        if (why != null) {
            throw new QuiverUserException("checkpoint " + dir + " (trained on '" + policy.envId() + "') cannot play"
                    + " env '" + env.id() + "': " + why);
        }
    }
}
