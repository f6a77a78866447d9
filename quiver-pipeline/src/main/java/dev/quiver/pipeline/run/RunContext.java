package dev.quiver.pipeline.run;

import com.google.gson.JsonObject;
import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.cache.StageCache;
import dev.quiver.pipeline.cache.StageOutput;
import dev.quiver.pipeline.config.StudyConfig;
import dev.quiver.pipeline.exec.Task;
import dev.quiver.pipeline.exec.TaskPool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stages of one run share: the study, the stage cache, the task pool, the progress listener and the
 * notes collected for the report. {@link #stage} runs one stage of one task through the cache.
 */
public final class RunContext implements AutoCloseable {
    private final StudyConfig study;
    private final RunOptions options;
    private final StageCache cache;
    private final TaskPool pool;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, StageOutput> outputs = new LinkedHashMap<>();
    private String scope;
    private Stage stage;
    private boolean announced;

    /** A context for running {@code study} with {@code options}. */
    public RunContext(StudyConfig study, RunOptions options) {
        this.study = study;
        this.options = options;
        this.cache = new StageCache(options.cache());
        this.pool = new TaskPool(options.threads(), options.cache().resolve("logs"));
    }

    /** What one stage computes into its (empty) cache folder. */
    @FunctionalInterface
    public interface StageWork {
        /** Writes the stage's files into {@code dir}; calls {@link RunContext#begin} once its amount of work is known. */
        void run(Path dir) throws IOException;
    }

    /** The study. */
    public StudyConfig study() {
        return study;
    }

    /** The options. */
    public RunOptions options() {
        return options;
    }

    /**
     * Runs stage {@code s} of task {@code taskScope}: from the cache when its inputs are unchanged (and it is not
     * forced), else computed by {@code work}.
     *
     * @param inputs the stage's configuration and its inputs' content hashes
     */
    public StageOutput stage(String taskScope, Stage s, Map<String, Object> inputs, StageWork work) {
        scope = taskScope;
        stage = s;
        announced = false;
        StageOutput out = cache.get(study.name(), taskScope, s.key(), inputs, options.force().contains(s), dir -> {
            work.run(dir);
            if (!announced) {
                options.listener().stageStarted(scope, stage, 0, "");
            }
        });
        outputs.put(taskScope + "/" + s.key(), out);
        options.listener().stageFinished(taskScope, s, out.reused(), out.seconds());
        return out;
    }

    /** The current stage has {@code units} units of work, named {@code unit} (e.g. "gradient steps"). */
    public void begin(long units, String unit) {
        announced = true;
        options.listener().stageStarted(scope, stage, units, unit);
    }

    /** {@code units} more units of the current stage are done (for work done here rather than in tasks). */
    public void advance(long units) {
        options.listener().advanced(units);
    }

    /** Runs {@code tasks} on the pool, reporting their progress to the listener; results in task order. */
    public List<JsonObject> run(List<Task> tasks) {
        return pool.run(tasks, units -> options.listener().advanced(units));
    }

    /** Adds a note to the report and shows it. */
    public void note(String line) {
        notes.add(line);
        options.listener().note(line);
    }

    /** The notes so far. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Every stage run so far, by {@code scope/stage}. */
    public Map<String, StageOutput> outputs() {
        return new LinkedHashMap<>(outputs);
    }

    /** The number of cores in use. */
    public int threads() {
        return options.threads();
    }

    @Override
    public void close() {
        pool.close();
    }
}
