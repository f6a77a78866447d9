package dev.quiver.cli.data;

import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.registry.Envs;
import dev.quiver.data.collect.CollectConfig;
import dev.quiver.data.collect.CollectedData;
import dev.quiver.data.collect.Collector;
import dev.quiver.data.dataset.DatasetStatistics;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.agent.TrainedPolicy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver data collect}: plays a policy (uniformly random, a trained checkpoint, or a random+expert
 * mixture) for N episodes and writes what it saw as a Minari dataset or a D4RL file.
 *
 * @see <a href="https://arxiv.org/abs/2004.07219">Fu et al. (2020), D4RL, arXiv:2004.07219</a>
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Play a policy for N episodes and write every step as an offline-RL dataset: a Minari dataset"
                + " directory (data/metadata.json + data/main_data.hdf5) or a D4RL file (--out ending in .hdf5 or"
                + " --format d4rl).",
            "Policies: 'random' (uniform actions), a checkpoint directory written by 'quiver train' (played greedily),"
                + " or 'mix' (uniformly random episodes plus a fraction --expert-fraction of episodes played by"
                + " --expert CHECKPOINT_DIR, at seeded random positions). --epsilon E replaces each action by a"
                + " uniformly random one with probability E (all policies).",
            "Episode i resets with a seed derived from --seed (recorded in the Minari file); the same command gives"
                + " the same dataset."})
public final class DataCollectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "ID",
            description = "The env id, e.g. CartPole-v1 (default: the env the checkpoint or expert was trained on).")
    String envId;

    @Option(names = "--policy", paramLabel = "random|CHECKPOINT_DIR|mix", defaultValue = "random",
            description = "Who acts: random, a checkpoint directory (or a run's seed-S folder), or mix (default:"
                    + " ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "100",
            description = "Number of episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0",
            description = "Probability of a uniformly random action at each step, in [0, 1] (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--expert", paramLabel = "CHECKPOINT_DIR",
            description = "With --policy mix: the checkpoint that plays the expert episodes.")
    Path expert;

    @Option(names = "--expert-fraction", paramLabel = "F",
            description = "With --policy mix: the fraction of expert episodes, e.g. 0.01, 0.05, 0.1 (exactly"
                    + " round(F * N) episodes).")
    Double expertFraction;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed of the resets, random actions and expert positions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "Where to write the dataset (must not exist): a directory for Minari, a .hdf5 file for D4RL.")
    Path out;

    @Option(names = "--format", paramLabel = "minari|d4rl",
            description = "The layout (default: d4rl when PATH ends in .hdf5 or .h5, else minari).")
    DatasetFormat format;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write a summary as JSON to OUT.")
    Path json;

    @Override
    public Integer call() {
        if (episodes < 1) {
            throw new QuiverUserException("--episodes must be at least 1, got " + episodes);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new QuiverUserException("--epsilon must be in [0, 1], got " + epsilon);
        }
        boolean mix = policy.equals("mix");
        boolean random = policy.equals("random");
        if (mix) {
            if (expert == null || expertFraction == null) {
                throw new QuiverUserException("--policy mix needs --expert CHECKPOINT_DIR and --expert-fraction F");
            }
            try {
                Collector.expertCount(episodes, expertFraction);
            } catch (QuiverUserException e) {
                throw new QuiverUserException("--expert-fraction " + expertFraction + ": " + e.getMessage(), e);
            }
        } else if (expert != null || expertFraction != null) {
            throw new QuiverUserException("--expert and --expert-fraction go with --policy mix, not --policy " + policy);
        }
        DatasetOutput.requireAbsent(out, "--out");
        Path checkpoint = random ? null : checkpointDir(mix ? expert : Path.of(policy), mix ? "--expert" : "--policy");
        if (checkpoint == null && envId == null) {
            throw new QuiverUserException("--policy random needs --env ID (e.g. --env CartPole-v1)");
        }
        CollectConfig config = CollectConfig.defaults().withEpisodes(episodes).withSeed(seed).withEpsilon(epsilon);
        if (checkpoint == null) {
            return collect(null, null, config, "random");
        }
        try (TrainedPolicy<?> trained = Algorithms.load(checkpoint)) {
            String algorithm = CheckpointReader.summary(checkpoint).algorithm();
            String who = (mix ? "mix of random and " + algorithm + " expert " : algorithm + " checkpoint ")
                    + checkpoint;
            return collect(trained, checkpoint, config, who);
        }
    }

    @SuppressWarnings("unchecked")
    private Integer collect(TrainedPolicy<?> trained, Path checkpoint, CollectConfig config, String who) {
        boolean mix = policy.equals("mix");
        String id = envId != null ? envId : trained.envId();
        PrintWriter stdout = spec.commandLine().getOut();
        CollectedData data;
        try (Env<Object, Object> env = Envs.make(id)) {
            if (trained != null) {
                String why = trained.incompatibility(env.spec());
                if (why != null) {
                    throw new QuiverUserException((mix ? "--expert " : "--policy ") + checkpoint + " (trained on '"
                            + trained.envId() + "') cannot play env '" + env.spec().id() + "': " + why);
                }
            }
            id = env.spec().id();
            Policy<Object, Object> p = (Policy<Object, Object>) (Policy<?, ?>) trained;
            if (mix) {
                data = Collector.collectMix(env, p, expertFraction, config);
            } else {
                data = Collector.collect(env, trained == null ? Collector.randomPolicy(env.actionSpace(), seed) : p,
                        config);
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("algorithm_name", who);
            meta.put("env_id", id);
            meta.put("collection_seed", seed);
            meta.put("epsilon", epsilon);
            if (mix) {
                meta.put("expert_fraction", expertFraction);
                meta.put("expert_episodes", (long) data.expertEpisodes().length);
            }
            DatasetFormat written = DatasetOutput.write(out, format, data.recorded(), env.spec(), meta);
            EpisodeDataset ds = data.recorded().episodes();
            DatasetStatistics st = DatasetStatistics.of(ds);
            stdout.println(id + ": " + ds.numEpisodes() + " episodes, " + ds.numSteps() + " steps of " + who
                    + (epsilon > 0 ? " with epsilon " + Format.trimmed(epsilon) : "") + ", seed " + seed);
            stdout.println("return mean " + Format.num(st.returnMean()) + ", min " + Format.num(st.returnMin())
                    + ", max " + Format.num(st.returnMax()) + "; length mean " + Format.num(st.lengthMean()));
            Map<String, Object> doc = new LinkedHashMap<>();
            if (mix) {
                int[] expertIdx = data.expertEpisodes();
                int[] randomIdx = IntStream.range(0, ds.numEpisodes())
                        .filter(i -> Arrays.binarySearch(expertIdx, i) < 0).toArray();
                double expertMean = meanReturn(ds, expertIdx);
                double randomMean = meanReturn(ds, randomIdx);
                stdout.println("expert episodes " + expertIdx.length + " of " + ds.numEpisodes() + ": return mean "
                        + Format.num(expertMean) + "; random episodes: return mean " + Format.num(randomMean));
                doc.put("expert_episodes", expertIdx);
                doc.put("expert_return_mean", expertMean);
                doc.put("random_return_mean", randomMean);
            }
            stdout.println("wrote " + (written == DatasetFormat.minari ? "Minari dataset " : "D4RL file ") + out);
            stdout.flush();
            if (json != null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("command", "data collect");
                d.put("env", id);
                d.put("policy", who);
                d.put("seed", seed);
                d.put("epsilon", epsilon);
                d.put("episodes", ds.numEpisodes());
                d.put("steps", ds.numSteps());
                d.put("return_mean", st.returnMean());
                d.put("return_min", st.returnMin());
                d.put("return_max", st.returnMax());
                d.put("length_mean", st.lengthMean());
                d.putAll(doc);
                d.put("out", out.toString());
                d.put("format", written.name());
                Json.writeFile(json, d);
            }
        }
        return 0;
    }

    private static double meanReturn(EpisodeDataset ds, int[] episodes) {
        double s = 0;
        for (int i : episodes) {
            s += ds.episodeReturn(i);
        }
        return episodes.length == 0 ? Double.NaN : s / episodes.length;
    }

    /** A checkpoint directory, accepting a run's seed-S folder (which holds checkpoint/) as quiver eval does. */
    static Path checkpointDir(Path dir, String flag) {
        if (!Files.exists(dir.resolve("manifest.json")) && Files.isDirectory(dir.resolve("checkpoint"))) {
            dir = dir.resolve("checkpoint");
        }
        if (!Files.isDirectory(dir)) {
            throw new QuiverUserException(flag + " " + dir + ": " + (flag.equals("--policy") ? "not 'random' or"
                    + " 'mix', and no such checkpoint directory" : "no such checkpoint directory"));
        }
        return dir;
    }
}
