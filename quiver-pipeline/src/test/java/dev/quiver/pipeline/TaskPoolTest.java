package dev.quiver.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.pipeline.exec.Task;
import dev.quiver.pipeline.exec.TaskPool;
import dev.quiver.pipeline.sequential.BehaviourPolicy;
import dev.quiver.pipeline.sequential.SequentialTasks;
import dev.quiver.pipeline.io.JsonValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker processes return exactly what this JVM computes, in task order, with progress and user errors intact. */
class TaskPoolTest {
    @TempDir
    Path tmp;

    private static List<Task> rollouts() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonObject p = new JsonObject();
            p.addProperty("env", "CartPole-v1");
            p.addProperty("episodes", 3);
            p.addProperty("seed", 100 * i);
            p.addProperty("gamma", 0.9);
            p.add("behaviour", JsonValues.GSON.toJsonTree(new BehaviourPolicy("scripted", "CartPole-v1", 0.5).toMap()));
            p.addProperty("behaviour_seed", i);
            p.addProperty("initial_observations", true);
            tasks.add(new Task(SequentialTasks.ROLLOUTS, p, "rollouts " + i, 3));
        }
        return tasks;
    }

    @Test
    void workersMatchInProcessResults() {
        List<JsonObject> one;
        try (TaskPool pool = new TaskPool(1, tmp)) {
            one = pool.run(rollouts(), units -> { });
        }
        AtomicLong progress = new AtomicLong();
        List<JsonObject> two;
        try (TaskPool pool = new TaskPool(2, tmp)) {
            two = pool.run(rollouts(), progress::addAndGet);
        }
        assertEquals(5, two.size());
        for (int i = 0; i < 5; i++) {
            JsonObject a = one.get(i).deepCopy();
            JsonObject b = two.get(i).deepCopy();
            a.remove("wall_seconds");
            b.remove("wall_seconds");
            // compare as JSON text: in this JVM numbers are still Float/Double objects, from a worker parsed text
            assertEquals(JsonValues.GSON.toJson(a), JsonValues.GSON.toJson(b), "task " + i);
        }
        assertEquals(15, progress.get(), "3 episodes x 5 tasks reported");
    }

    @Test
    void userErrorsInAWorkerStayUserErrors() {
        List<Task> tasks = rollouts();
        tasks.get(3).params().addProperty("env", "NoSuchEnv-v0");
        try (TaskPool pool = new TaskPool(2, tmp)) {
            QuiverUserException e = assertThrows(QuiverUserException.class, () -> pool.run(tasks, units -> { }));
            assertTrue(e.getMessage().contains("NoSuchEnv-v0"), e.getMessage());
        }
    }
}
