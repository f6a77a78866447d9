package dev.quiver.cli.train;

import dev.quiver.cli.data.DatasetFormat;
import dev.quiver.cli.data.DatasetOutput;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.collect.DatasetRecorder;
import dev.quiver.data.collect.RecordedEpisodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code quiver train ... --collect PATH}: the training env is wrapped in a {@link DatasetRecorder}, so every
 * episode the learner plays is recorded (D4RL's "medium-replay" data: the agent's replay buffer over its
 * whole training), and the dataset is written when training ends; the episode in progress then is kept,
 * ending truncated.
 */
final class CollectDuringTraining {
    private CollectDuringTraining() {
    }

    /**
     * Refuses what cannot be recorded faithfully, before training starts: several seeds (one dataset per run),
     * an algorithm that plays more env copies than the one it is given (ppo with {@code numEnvs > 1}), and an
     * existing PATH.
     */
    static void check(Path collect, String algorithm, Map<String, Object> config, long[] seeds) {
        if (seeds.length != 1) {
            throw new QuiverUserException("--collect " + collect + " records one training run; give a single --seed,"
                    + " not --seeds with " + seeds.length + " seeds");
        }
        if (config.get("numEnvs") instanceof Number n && n.intValue() > 1) {
            throw new QuiverUserException("--collect records the env the learner is given, but " + algorithm
                    + " also plays " + (n.intValue() - 1) + " more copies of it (numEnvs = " + n.intValue() + ")"
                    + " whose episodes would be missing; add --set num_envs=1 to record all of them");
        }
        DatasetOutput.requireAbsent(collect, "--collect");
    }

    /** Writes what {@code recorder} recorded to {@code collect} and says so on {@code stdout}. */
    static void write(Path collect, DatasetRecorder<?, ?> recorder, EnvSpec spec, String algorithm, long seed,
            long steps, PrintWriter stdout) {
        RecordedEpisodes rec = recorder.finish();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("algorithm_name", algorithm + " training (every episode played, as D4RL's medium-replay)");
        meta.put("env_id", spec.id());
        meta.put("training_seed", seed);
        meta.put("training_steps", steps);
        DatasetFormat f = DatasetOutput.write(collect, null, rec, spec, meta);
        stdout.println("seed " + seed + ": recorded " + rec.episodes().numEpisodes() + " training episodes, "
                + rec.episodes().numSteps() + " steps, as " + (f == DatasetFormat.minari ? "Minari dataset "
                : "D4RL file ") + collect);
        stdout.flush();
    }
}
