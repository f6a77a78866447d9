package dev.quiver.pipeline.sequential;

import com.google.gson.JsonObject;
import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.cache.ContentHash;
import dev.quiver.pipeline.cache.StageCache;
import dev.quiver.pipeline.cache.StageOutput;
import dev.quiver.pipeline.config.SequentialStudy;
import dev.quiver.pipeline.config.StudyConfig;
import dev.quiver.pipeline.config.TaskSpec;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the stages of a sequential study, task by task, through the stage cache: data, learn, estimate, then
 * (when the study runs them) verify and quantify. A stage's cache key covers the study's seed, the stage's own
 * settings, the task's env and the content hashes of what it reads, so a change anywhere upstream reruns
 * exactly the stages it affects. Each key holds only what its stage reads: the data stage's holds no estimate
 * setting, and the learn stage's holds the content hash of the training logs ({@code train/}) rather than of the
 * whole data stage, so changing {@code estimate.*} (discount, confidence, resamples, FQE) reruns estimate,
 * verify, quantify and the report, never the data collection or the training.
 */
public final class SequentialStudyRunner {
    /**
     * Part of every stage key: bump it when a change of the code changes what a stage writes, so that old cache
     * folders are not reused.
     */
    public static final int FORMAT = 2;

    private SequentialStudyRunner() {
    }

    /** Runs every task's stages and returns what they produced. */
    public static List<TaskOutcome> run(StudyConfig study, RunContext ctx) {
        SequentialStudy s = study.sequential();
        List<TaskOutcome> out = new ArrayList<>();
        for (TaskSpec task : s.tasks()) {
            out.add(runTask(study, s, task, ctx));
        }
        return out;
    }

    private static TaskOutcome runTask(StudyConfig study, SequentialStudy s, TaskSpec task, RunContext ctx) {
        Map<Stage, StageOutput> outputs = new EnumMap<>(Stage.class);
        Map<Stage, JsonObject> docs = new EnumMap<>(Stage.class);
        long seed = study.seed();
        double gamma = s.estimate().gamma();
        double confidence = s.estimate().confidence();

        Map<String, Object> dataIn = base(study, task);
        dataIn.put("data", task.data().toMap());
        if (task.data().path() != null) {
            dataIn.put("file_hash", ContentHash.ofPath(task.data().path()));
        }
        StageOutput data = ctx.stage(task.name(), Stage.DATA, dataIn, dir -> DataStage.run(task, seed, dir, ctx));
        outputs.put(Stage.DATA, data);
        docs.put(Stage.DATA, JsonValues.read(data.dir().resolve("data.json")));

        Map<String, Object> learnIn = base(study, task);
        learnIn.put("learn", s.learn().toMap());
        learnIn.put("candidates", task.toMap().get("candidates"));
        learnIn.put("steps", task.steps(s.learn()));
        learnIn.put("train_hash", ContentHash.ofPath(data.dir().resolve(DataStage.TRAIN)));
        StageOutput learn = ctx.stage(task.name(), Stage.LEARN, learnIn,
                dir -> LearnStage.run(task, s.learn(), seed, data.dir(), dir, ctx));
        outputs.put(Stage.LEARN, learn);
        JsonObject learnDoc = JsonValues.read(learn.dir().resolve("learn.json"));
        learnDoc.add("wall_seconds", JsonValues.read(learn.dir().resolve(StageCache.TIMINGS)));
        docs.put(Stage.LEARN, learnDoc);

        Map<String, Object> estIn = base(study, task);
        estIn.put("estimate", s.estimate().toMap());
        estIn.put("data_hash", data.contentHash());
        estIn.put("learn_hash", learn.contentHash());
        StageOutput estimate = ctx.stage(task.name(), Stage.ESTIMATE, estIn,
                dir -> EstimateStage.run(task, s.estimate(), seed, data.dir(), learn.dir(), dir, ctx));
        outputs.put(Stage.ESTIMATE, estimate);
        JsonObject estDoc = JsonValues.read(estimate.dir().resolve("estimate.json"));
        docs.put(Stage.ESTIMATE, estDoc);

        if (study.runs(Stage.VERIFY)) {
            Map<String, Object> in = base(study, task);
            in.put("verify", s.verify().toMap());
            in.put("gamma", gamma);
            in.put("confidence", confidence);
            in.put("data_hash", data.contentHash());
            in.put("learn_hash", learn.contentHash());
            in.put("estimate_hash", estimate.contentHash());
            StageOutput verify = ctx.stage(task.name(), Stage.VERIFY, in, dir -> VerifyStage.run(task, s.verify(),
                    s.estimate(), seed, data.dir(), learn.dir(), estimate.dir(), dir, ctx));
            outputs.put(Stage.VERIFY, verify);
            docs.put(Stage.VERIFY, JsonValues.read(verify.dir().resolve("verify.json")));
        }
        if (study.runs(Stage.QUANTIFY)) {
            Map<String, Object> in = base(study, task);
            in.put("quantify", s.quantify().toMap());
            in.put("gamma", gamma);
            in.put("confidence", confidence);
            in.put("bootstrap", s.verify().bootstrap());
            in.put("learn_hash", learn.contentHash());
            in.put("selected", estDoc.get("selected").getAsString());
            StageOutput quantify = ctx.stage(task.name(), Stage.QUANTIFY, in, dir -> QuantifyStage.run(task,
                    s.quantify(), gamma, confidence, s.verify().bootstrap(), seed, learn.dir(), estimate.dir(), dir,
                    ctx));
            outputs.put(Stage.QUANTIFY, quantify);
            docs.put(Stage.QUANTIFY, JsonValues.read(quantify.dir().resolve("quantify.json")));
        }
        return new TaskOutcome(task, outputs, docs);
    }

    private static Map<String, Object> base(StudyConfig study, TaskSpec task) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("seed", study.seed());
        m.put("env", task.env());
        return m;
    }
}
