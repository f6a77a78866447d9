package dev.quiver.cli.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.quiver.cli.Json;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.io.AtomicFiles;
import dev.quiver.data.corrupt.CorruptedDataset;
import dev.quiver.data.corrupt.CorruptionConfig;
import dev.quiver.data.corrupt.CorruptionKind;
import dev.quiver.data.corrupt.CorruptionMode;
import dev.quiver.data.corrupt.DataCorruption;
import dev.quiver.data.corrupt.PgdConfig;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.io.MinariDataset;
import dev.quiver.data.io.MinariReader;
import dev.quiver.data.io.MinariWriter;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.offline.CriticAttackModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code quiver data corrupt IN --kind K --mode M --out OUT}: writes a corrupted copy of a Minari dataset, as
 * Yang et al. (2023) corrupt data to test offline RL's robustness (see {@link DataCorruption}), and a
 * {@code corruption.json} record of which transitions were corrupted.
 */
@Command(name = "corrupt", mixinStandardHelpOptions = true,
        description = {"Write a corrupted copy of a Minari dataset (Yang et al. 2023, arXiv:2310.12955): each"
                + " transition is chosen with probability RATE; chosen observations, actions or next observations"
                + " (dynamics) get uniform noise of up to SCALE standard deviations per dimension, chosen rewards"
                + " are redrawn from U[-30 SCALE, 30 SCALE] (random), or become -SCALE x reward (adversarial)."
                + " Corrupted actions are clipped to a bounded action space.",
            "Adversarial obs/action/dynamics corruption minimises a trained critic's Q by projected gradient"
                + " steps (100 signed steps of 0.01 SCALE std inside the SCALE std box) on the chosen transitions;"
                + " the critic comes from --critic, a TD3+BC checkpoint trained on the clean data.",
            "OUT is a Minari dataset directory (data/metadata.json, data/main_data.hdf5) with corruption.json"
                + " next to data/: the settings, the per-dimension noise scale and every corrupted step. Episodes"
                + " are split where a corrupted observation or next observation breaks the chain s'(t) = s(t+1),"
                + " so each transition keeps both as the paper's flat arrays do; steps keep their order."})
public final class DataCorruptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN",
            description = "A Minari dataset directory (holding data/metadata.json and data/main_data.hdf5).")
    Path in;

    @Option(names = "--kind", paramLabel = "obs|action|reward|dynamics", required = true,
            converter = KindConverter.class,
            description = "What to corrupt: obs, action, reward or dynamics (the next observation).")
    CorruptionKind kind;

    @Option(names = "--mode", paramLabel = "random|adversarial", defaultValue = "random",
            converter = ModeConverter.class, description = "random or adversarial (default: ${DEFAULT-VALUE}).")
    CorruptionMode mode;

    @Option(names = "--rate", paramLabel = "C", defaultValue = "0.3",
            description = "Probability that a transition is corrupted, in [0, 1] (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--scale", paramLabel = "EPS", defaultValue = "1.0",
            description = "Corruption scale epsilon >= 0 (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed: the same seed and input give the same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--critic", paramLabel = "CHECKPOINT",
            description = "A TD3+BC checkpoint (quiver train td3bc --dataset CLEAN …; RUN/seed-S/checkpoint) whose"
                    + " critic and actor adversarial obs/action/dynamics corruption attacks.")
    Path critic;

    @Option(names = "--out", paramLabel = "OUT", required = true, description = "The dataset directory to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace OUT if it exists.")
    boolean overwrite;

    @Override
    public Integer call() {
        CorruptionConfig config = new CorruptionConfig(kind, mode, rate, scale, seed);
        if (config.needsAttackModel() && critic == null) {
            throw new QuiverUserException("adversarial " + config.kind().cliName() + " corruption attacks a trained"
                    + " critic's Q-function and its gradients: give --critic CHECKPOINT (a TD3+BC checkpoint trained"
                    + " on the clean data, e.g. RUN/seed-0/checkpoint of quiver train td3bc --dataset " + in
                    + " --env ID --steps N --out RUN)");
        }
        if (Files.exists(out) && !overwrite) {
            throw new QuiverUserException("--out " + out + ": already exists; give --overwrite to replace it");
        }
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new QuiverUserException("--out " + out + ": is the input dataset; write the copy elsewhere");
        }
        MinariDataset source = MinariReader.readDataset(in);
        EpisodeDataset data = source.episodes();
        // corrupted actions are clipped to a bounded Box action space (the learners clip data actions anyway)
        double[] low = null;
        double[] high = null;
        if (source.metadata().actionSpace() instanceof dev.quiver.core.space.Box<?> box && box.isBounded()) {
            low = box.lows();
            high = box.highs();
        }
        CorruptedDataset result;
        if (config.needsAttackModel()) {
            try (TrainedPolicy<?> agent = Algorithms.load(critic)) {
                CriticAttackModel model = CriticAttackModel.of(agent, "--critic " + critic);
                if (model.obsDim() != data.obsDim() || model.actDim() != data.actDim()) {
                    throw new QuiverUserException("--critic " + critic + ": its critic takes " + model.obsDim()
                            + " observation and " + model.actDim() + " action values, but " + in + " has "
                            + data.obsDim() + " and " + data.actDim());
                }
                result = DataCorruption.corrupt(data, config, model, PgdConfig.DEFAULT, low, high);
            }
        } else {
            result = DataCorruption.corrupt(data, config, null, PgdConfig.DEFAULT, low, high);
        }

        Map<String, Object> record = record(source, config, result);
        String id = source.metadata().datasetId().isEmpty() ? out.getFileName().toString()
                : source.metadata().datasetId();
        MinariWriter writer = MinariWriter.of(id, source.metadata().observationSpace(),
                source.metadata().actionSpace()).withMetadata("quiver_corruption", config.describe()
                        + "; see ../corruption.json").withExtraFile("corruption.json", Json.toJson(record));
        writeReplacing(writer, result.dataset());

        PrintWriter o = spec.commandLine().getOut();
        o.println("quiver data corrupt: " + config.describe());
        o.println("input  " + in + ": " + data.numEpisodes() + " episodes, " + data.numSteps() + " steps"
                + (source.metadata().datasetId().isEmpty() ? "" : " (" + source.metadata().datasetId() + ")"));
        o.printf(Locale.ROOT, "corrupted %d of %d transitions (%.1f%%)%s%n", result.numCorrupted(), data.numSteps(),
                100.0 * result.corruptedFraction(), result.noiseScale().length == 0 ? ""
                        : "; noise scale per dimension (std) " + format(result.noiseScale()));
        if (config.needsAttackModel()) {
            o.printf(Locale.ROOT, "critic %s: mean attacked value %.4g before, %.4g after the attack%n", critic,
                    result.attackValueBefore(), result.attackValueAfter());
        }
        if (result.numSplits() > 0) {
            o.println("episodes split where s'(t) != s(t+1): " + result.numSplits() + " splits, "
                    + result.dataset().numEpisodes() + " episodes written");
        }
        o.println("wrote  " + out + " (Minari: data/metadata.json, data/main_data.hdf5; record: corruption.json)");
        o.flush();
        return 0;
    }

    /**
     * Writes the dataset at {@code out}; with {@code --overwrite} and an existing {@code out}, writes a complete
     * sibling first and only then swaps it in, so a failure leaves the old dataset in place.
     */
    private void writeReplacing(MinariWriter writer, EpisodeDataset data) {
        if (!Files.exists(out)) {
            writer.write(out, data);
            return;
        }
        Path fresh = out.resolveSibling(out.getFileName() + ".quiver-new");
        AtomicFiles.deleteTree(fresh, "leftover " + fresh);
        writer.write(fresh, data);
        AtomicFiles.deleteTree(out, "--out " + out);
        try {
            Files.move(fresh, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new QuiverUserException("--out " + out + ": cannot move the new dataset " + fresh + " into place: "
                    + e, e);
        }
    }

    private static Map<String, Object> record(MinariDataset source, CorruptionConfig config, CorruptedDataset r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "data corrupt");
        doc.put("paper", "Yang et al. 2023, Towards Robust Offline Reinforcement Learning under Diverse Data"
                + " Corruption, arXiv:2310.12955");
        doc.put("source_dataset_id", source.metadata().datasetId());
        doc.put("kind", config.kind().cliName());
        doc.put("mode", config.mode().cliName());
        doc.put("rate", config.rate());
        doc.put("scale", config.scale());
        doc.put("seed", config.seed());
        doc.put("steps", r.dataset().numSteps());
        doc.put("corrupted", r.numCorrupted());
        doc.put("corrupted_fraction", r.corruptedFraction());
        doc.put("noise_scale", r.noiseScale());
        doc.put("source_episodes", r.numSourceEpisodes());
        doc.put("episodes", r.dataset().numEpisodes());
        doc.put("splits", r.numSplits());
        if (config.needsAttackModel()) {
            doc.put("attack_value_before", r.attackValueBefore());
            doc.put("attack_value_after", r.attackValueAfter());
        }
        doc.put("corrupted_steps", r.corruptedSteps());
        doc.put("source_episode", r.sourceEpisodes());
        int[] starts = new int[r.dataset().numEpisodes()];
        for (int e = 0; e < starts.length; e++) {
            starts[e] = r.sourceStart(e);
        }
        doc.put("source_start", starts);
        return doc;
    }

    private static String format(double[] v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = String.format(Locale.ROOT, "%.4g", v[i]);
        }
        return Arrays.toString(s);
    }

    /** {@code --kind}: obs, action, reward, dynamics (and the aliases {@link CorruptionKind#parse} accepts). */
    static final class KindConverter implements ITypeConverter<CorruptionKind> {
        @Override
        public CorruptionKind convert(String value) {
            try {
                return CorruptionKind.parse(value);
            } catch (QuiverUserException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --mode}: random or adversarial. */
    static final class ModeConverter implements ITypeConverter<CorruptionMode> {
        @Override
        public CorruptionMode convert(String value) {
            try {
                return CorruptionMode.parse(value);
            } catch (QuiverUserException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
