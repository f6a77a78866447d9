package dev.quiver.pipeline.exec;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.runtime.NnRuntime;
import dev.quiver.pipeline.io.JsonValues;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs batches of {@link Task}s on {@code workers} cores. With one worker every task runs here, one after the
 * other. With more, each worker is a separate JVM ({@link WorkerMain}, same class path, started on first use
 * and kept for the pool's life): DJL allows one open gradient collector per JVM, so training in parallel needs
 * processes, not threads. Tasks are handed to whichever worker is free, and each result lands at its task's
 * index; since every task is a pure function of its parameters (its seed included), the results are the same
 * whatever the number of workers and whichever worker ran what.
 *
 * <p>All the workers a batch needs are started before any task is handed out; if one cannot start, those
 * just started are ended and the batch fails before any work begins. A failed task stops the handing out of
 * new ones; the batch then fails with the error of the failed task with the lowest index (a {@link
 * QuiverUserException} stays one; any other error names the task). Results are strict JSON either way: a
 * non-finite number is {@code null} ({@link JsonValues#finite}). A worker's standard error goes to
 * {@code logDir/worker-N.log}.
 */
public final class TaskPool implements AutoCloseable {
    private static final Gson GSON = new Gson();
    private final int workers;
    private final Path logDir;
    private final List<Worker> started = new ArrayList<>();
    private Thread shutdownHook;

    /**
     * A pool of {@code workers} workers (1: everything in this JVM).
     *
     * @param logDir where workers' logs go (created when the first worker starts)
     */
    public TaskPool(int workers, Path logDir) {
        if (workers < 1) {
            throw new QuiverUserException("the number of threads must be at least 1, got " + workers);
        }
        this.workers = workers;
        this.logDir = logDir;
    }

    /** The number of workers. */
    public int workers() {
        return workers;
    }

    /**
     * Runs {@code tasks} and returns their results in task order.
     *
     * @throws QuiverUserException if a task failed with a user error
     * @throws IllegalStateException if a task failed otherwise (the worker's stack trace in the message)
     */
    public List<JsonObject> run(List<Task> tasks, TaskListener listener) {
        List<JsonObject> results = new ArrayList<>();
        if (tasks.isEmpty()) {
            return results;
        }
        if (workers == 1) {
            for (Task t : tasks) {
                try {
                    results.add(JsonValues.finite(TaskHandlers.get(t.kind()).run(t.params(), listener::advanced))
                            .getAsJsonObject());
                } catch (QuiverUserException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(t.label() + " failed: " + e, e);
                }
            }
            return results;
        }
        int n = tasks.size();
        JsonObject[] out = new JsonObject[n];
        RuntimeException[] errors = new RuntimeException[n];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        int use = Math.min(workers, n);
        List<Worker> pool = startWorkers(use);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < use; w++) {
            Worker worker = pool.get(w);
            Thread th = new Thread(() -> {
                int i;
                while (!failed.get() && (i = next.getAndIncrement()) < n) {
                    try {
                        out[i] = worker.run(i, tasks.get(i), listener);
                    } catch (RuntimeException e) {
                        errors[i] = e;
                        failed.set(true);
                    }
                }
            }, "quiver-task-dispatch-" + w);
            th.setDaemon(true);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for tasks", e);
            }
        }
        for (RuntimeException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        for (JsonObject r : out) {
            results.add(r);
        }
        return results;
    }

    /**
     * Workers 0 to {@code count - 1}, starting those not running yet, all before any task is handed out: if one
     * cannot start, the ones this call started are ended and the batch fails before any work begins.
     */
    private synchronized List<Worker> startWorkers(int count) {
        int before = started.size();
        try {
            while (started.size() < count) {
                started.add(Worker.start(started.size(), logDir));
                if (shutdownHook == null) {
                    shutdownHook = new Thread(this::destroyAll, "quiver-task-pool-shutdown");
                    Runtime.getRuntime().addShutdownHook(shutdownHook);
                }
            }
        } catch (RuntimeException e) {
            while (started.size() > before) {
                started.remove(started.size() - 1).process.destroyForcibly();
            }
            throw e;
        }
        return new ArrayList<>(started.subList(0, count));
    }

    private synchronized void destroyAll() {
        for (Worker w : started) {
            w.process.destroyForcibly();
        }
    }

    /** Ends the workers (they finish when their input closes). */
    @Override
    public synchronized void close() {
        for (Worker w : started) {
            w.close();
        }
        started.clear();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
            shutdownHook = null;
        }
    }

    /** One worker JVM and its pipes. */
    private static final class Worker {
        final int index;
        final Process process;
        final BufferedWriter in;
        final BufferedReader out;
        final Path log;

        private Worker(int index, Process process, Path log) {
            this.index = index;
            this.process = process;
            this.log = log;
            this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Worker start(int index, Path logDir) {
            try {
                Files.createDirectories(logDir);
                Path log = logDir.resolve("worker-" + index + ".log");
                List<String> cmd = new ArrayList<>();
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.add("-Dai.djl.offline=true");
                cmd.add("-Djava.awt.headless=true");
                cmd.add("-XX:+UseSerialGC");
                cmd.add("-Xmx2g");
                cmd.add("-DENGINE_CACHE_DIR=" + NnRuntime.settings().engineCacheDir());
                cmd.add("-cp");
                cmd.add(System.getProperty("java.class.path"));
                cmd.add(WorkerMain.class.getName());
                ProcessBuilder pb = new ProcessBuilder(cmd);
                pb.environment().put("OPT_OUT_TRACKING", "true");
                pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
                return new Worker(index, pb.start(), log);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a worker JVM: " + e, e);
            }
        }

        JsonObject run(int id, Task task, TaskListener listener) {
            JsonObject msg = new JsonObject();
            msg.addProperty("id", id);
            msg.addProperty("kind", task.kind());
            msg.add("params", task.params());
            try {
                in.write(GSON.toJson(msg));
                in.newLine();
                in.flush();
                String line;
                while ((line = out.readLine()) != null) {
                    JsonObject reply = GSON.fromJson(line, JsonObject.class);
                    if (reply.get("id").getAsLong() != id) {
                        continue;
                    }
                    if (reply.has("advance")) {
                        synchronized (listener) {
                            listener.advanced(reply.get("advance").getAsLong());
                        }
                    } else if (reply.has("result")) {
                        return reply.getAsJsonObject("result");
                    } else {
                        String error = reply.get("error").getAsString();
                        if (reply.get("user").getAsBoolean()) {
                            throw new QuiverUserException(error);
                        }
                        throw new IllegalStateException(task.label() + " failed in worker " + index + ":\n" + error);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(task.label() + ": lost the worker " + index + " (" + e + "); see "
                        + log, e);
            }
            throw new IllegalStateException(task.label() + ": worker " + index + " exited" + exitStatus() + "; see "
                    + log);
        }

        private String exitStatus() {
            try {
                if (process.waitFor(2, TimeUnit.SECONDS)) {
                    return " with status " + process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "";
        }

        void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // the process may be gone already
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
