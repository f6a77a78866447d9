package dev.quiver.pipeline.exec;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.pipeline.io.JsonValues;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a worker JVM started by {@link TaskPool}: reads one task per line on standard input
 * ({@code {"id", "kind", "params"}}), runs it, and answers on standard output with progress lines
 * ({@code {"id", "advance"}}) and one final line ({@code {"id", "result"}} or {@code {"id", "error", "user"}}).
 * Results are strict JSON: a non-finite number is sent as {@code null} ({@link JsonValues#finite}).
 * Anything else the libraries print goes to standard error (the worker's log file), so the protocol stays
 * clean. Exits when standard input ends.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** Runs tasks until standard input ends. */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Gson gson = new Gson();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject msg = gson.fromJson(line, JsonObject.class);
            long id = msg.get("id").getAsLong();
            JsonObject reply = new JsonObject();
            reply.addProperty("id", id);
            try {
                TaskHandler h = TaskHandlers.get(msg.get("kind").getAsString());
                JsonObject result = h.run(msg.getAsJsonObject("params"), units -> {
                    JsonObject p = new JsonObject();
                    p.addProperty("id", id);
                    p.addProperty("advance", units);
                    synchronized (protocol) {
                        protocol.println(gson.toJson(p));
                    }
                });
                reply.add("result", JsonValues.finite(result));
            } catch (QuiverUserException e) {
                reply.addProperty("error", e.getMessage());
                reply.addProperty("user", true);
            } catch (Throwable e) {
                StringWriter sw = new StringWriter();
                e.printStackTrace(new PrintWriter(sw));
                reply.addProperty("error", sw.toString());
                reply.addProperty("user", false);
                e.printStackTrace();
            }
            synchronized (protocol) {
                protocol.println(gson.toJson(reply));
            }
        }
    }
}
