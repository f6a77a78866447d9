package dev.quiver.pipeline.sequential;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.quiver.core.seed.Seeds;
import dev.quiver.pipeline.cache.StageCache;
import dev.quiver.pipeline.config.CandidateSpec;
import dev.quiver.pipeline.config.LearnSpec;
import dev.quiver.pipeline.config.StudyParser;
import dev.quiver.pipeline.config.TaskSpec;
import dev.quiver.pipeline.exec.Task;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The learn stage of a sequential task: trains every candidate once per seed on the training logs, each run a
 * {@link SequentialTasks#TRAIN} task (so runs spread over the study's cores), and writes
 * {@code candidates/<label>/seed-<s>/checkpoint/} and {@code metrics.csv} per run and {@code learn.json} listing
 * the trained policies ({@code timings.json} their training times). A policy's id is {@code <label>/seed-<s>}.
 *
 * <p>Seed {@code s} trains with root seed {@code Seeds.of(studySeed).child("learn", s)}: the same for every
 * candidate, so candidates of one seed share their random streams' seeds (common random numbers).
 */
public final class LearnStage {
    private LearnStage() {
    }

    /** The id of candidate {@code label}'s policy of seed {@code seed}. */
    public static String policyId(String label, long seed) {
        return label + "/seed-" + seed;
    }

    /** Runs the stage for {@code task} into {@code dir}, reading the training logs from {@code dataDir}. */
    public static void run(TaskSpec task, LearnSpec learn, long studySeed, Path dataDir, Path dir, RunContext ctx) {
        List<Task> tasks = new ArrayList<>();
        JsonArray policies = new JsonArray();
        int steps = task.steps(learn);
        for (CandidateSpec c : task.candidates()) {
            for (long s : learn.seeds()) {
                String rel = "candidates/" + c.label() + "/seed-" + s;
                long fitSeed = Seeds.of(studySeed).child("learn", s).seed();
                JsonObject p = new JsonObject();
                p.addProperty("env", task.env());
                p.addProperty("algorithm", c.algorithm());
                p.add("config", JsonValues.GSON.toJsonTree(StudyParser.configMap(c, learn)));
                p.addProperty("sampling", c.sampling().scheme().shortName());
                p.addProperty("temperature", c.sampling().temperature());
                p.addProperty("steps", steps);
                p.addProperty("seed", fitSeed);
                p.addProperty("dataset", dataDir.resolve(DataStage.TRAIN).toString());
                p.addProperty("out", dir.resolve(rel).toString());
                tasks.add(new Task(SequentialTasks.TRAIN, p, "learn " + task.env() + " " + c.label() + " seed " + s,
                        steps));
                JsonObject d = new JsonObject();
                d.addProperty("id", policyId(c.label(), s));
                d.addProperty("label", c.label());
                d.addProperty("algorithm", c.algorithm());
                d.addProperty("sampling", c.sampling().scheme().shortName());
                d.addProperty("seed", s);
                d.addProperty("fit_seed", fitSeed);
                d.addProperty("steps", steps);
                d.addProperty("checkpoint", rel + "/checkpoint");
                d.addProperty("metrics", rel + "/metrics.csv");
                d.add("config", p.get("config"));
                policies.add(d);
            }
        }
        ctx.begin((long) tasks.size() * steps, "gradient steps");
        List<JsonObject> results = ctx.run(tasks);
        JsonObject timings = new JsonObject();
        for (int i = 0; i < results.size(); i++) {
            JsonObject d = policies.get(i).getAsJsonObject();
            timings.addProperty(d.get("id").getAsString(), results.get(i).get("wall_seconds").getAsDouble());
            d.add("final_metrics", results.get(i).get("final_metrics"));
        }
        JsonValues.write(dir.resolve(StageCache.TIMINGS), timings);
        JsonObject doc = new JsonObject();
        doc.addProperty("env", task.env());
        doc.add("policies", policies);
        JsonValues.write(dir.resolve("learn.json"), doc);
    }
}
