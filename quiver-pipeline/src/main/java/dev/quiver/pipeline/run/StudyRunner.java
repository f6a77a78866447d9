package dev.quiver.pipeline.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.io.AtomicFiles;
import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.StudyKind;
import dev.quiver.pipeline.bandit.BanditStudyRunner;
import dev.quiver.pipeline.cache.StageCache;
import dev.quiver.pipeline.cache.StageOutput;
import dev.quiver.pipeline.config.StudyConfig;
import dev.quiver.pipeline.io.AtomicMoves;
import dev.quiver.pipeline.io.FileNames;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.report.HtmlReport;
import dev.quiver.pipeline.sequential.SequentialReport;
import dev.quiver.pipeline.sequential.SequentialStudyRunner;
import dev.quiver.pipeline.sequential.TaskOutcome;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs a study from its configuration to its run folder: every stage through the {@link StageCache} (unchanged
 * stages are reused, {@link RunOptions#force()} recomputes), then the report. The run folder
 * {@code <out>/<study>-<yyyyMMdd-HHmmss>/} holds {@code report.html} (self-contained), {@code results.json}
 * (every number with its interval, the configuration and the stage keys), {@code summary.txt}, the CSV logs and
 * the checkpoints of every stage. It is written in a hidden temporary folder and renamed into place only when
 * complete, never over an existing folder: a failed run leaves every earlier run and every finished stage as it
 * was.
 */
public final class StudyRunner {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    /** Stage subfolders not copied into the run folder (the logged datasets stay in the cache). */
    private static final Set<String> NOT_COPIED = Set.of("train", "eval", "logs");

    private StudyRunner() {
    }

    /**
     * Runs {@code study}.
     *
     * @throws QuiverUserException for a user error (bad data, a file that cannot be written)
     */
    public static StudyResult run(StudyConfig study, RunOptions options) {
        Path outRoot = options.outRoot().toAbsolutePath().normalize();
        String stamp = LocalDateTime.now().format(STAMP);
        Path tmp = outRoot.resolve("." + study.name() + "-" + stamp + ".partial-" + ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        try (RunContext ctx = new RunContext(study, options)) {
            Files.createDirectories(tmp);
            StudyReport report = new StudyReport("Quiver study " + study.name(), tmp);
            HtmlReport html = report.html();
            html.h1("Quiver study: " + study.name());
            html.p(study.kind().key() + " study from " + study.source() + "; root seed " + study.seed() + "; run "
                    + stamp + " on " + options.threads() + " thread(s). Every number comes with its interval; the"
                    + " methods are named next to the numbers and in results.json.");
            if (study.kind() == StudyKind.SEQUENTIAL) {
                List<TaskOutcome> outcomes = SequentialStudyRunner.run(study, ctx);
                SequentialReport.write(study, outcomes, options.threads(), report);
                for (TaskOutcome o : outcomes) {
                    for (Map.Entry<Stage, StageOutput> e : o.outputs().entrySet()) {
                        copyTree(e.getValue().dir(),
                                tmp.resolve(FileNames.safe(o.task().env())).resolve(e.getKey().key()));
                    }
                }
            } else {
                BanditStudyRunner.run(study, ctx, report);
            }
            int computed = 0;
            int reused = 0;
            List<String[]> rows = new ArrayList<>();
            JsonArray stages = new JsonArray();
            for (Map.Entry<String, StageOutput> e : ctx.outputs().entrySet()) {
                StageOutput s = e.getValue();
                computed += s.reused() ? 0 : 1;
                reused += s.reused() ? 1 : 0;
                rows.add(new String[] {e.getKey(), s.key().substring(0, 12), s.reused() ? "cache" : "computed",
                    String.format(Locale.ROOT, "%.1f", s.seconds())});
                JsonObject j = new JsonObject();
                j.addProperty("stage", e.getKey());
                j.addProperty("key", s.key());
                j.addProperty("content_hash", s.contentHash());
                j.addProperty("reused", s.reused());
                j.addProperty("seconds", s.seconds());
                j.addProperty("cache_dir", s.dir().toString());
                stages.add(j);
            }
            for (String n : ctx.notes()) {
                report.note(n);
            }
            html.h2("Provenance", "provenance");
            html.p("Stages are cached by the content of their configuration and inputs under " + options.cache()
                    + "; a rerun of an unchanged study reuses them. Seconds are the time the stage took when it was"
                    + " computed.");
            html.table(new String[] {"<stage", "<cache key", "<source", "seconds"}, rows);
            if (!report.notes().isEmpty()) {
                html.h3("Notes");
                html.list(report.notes());
            }
            html.h3("Configuration");
            html.pre(JsonValues.GSON.toJson(study.toMap()));
            JsonObject results = report.results();
            JsonObject head = new JsonObject();
            head.addProperty("study", study.name());
            head.addProperty("kind", study.kind().key());
            head.addProperty("source", study.source());
            head.addProperty("run", stamp);
            head.addProperty("threads", options.threads());
            head.addProperty("java", System.getProperty("java.version"));
            head.addProperty("wall_seconds", (System.nanoTime() - t0) / 1e9);
            head.add("config", JsonValues.GSON.toJsonTree(study.toMap()));
            head.add("stages", stages);
            head.add("notes", JsonValues.GSON.toJsonTree(report.notes()));
            head.add("summary", JsonValues.GSON.toJsonTree(report.summary()));
            JsonObject ordered = new JsonObject();
            head.entrySet().forEach(en -> ordered.add(en.getKey(), en.getValue()));
            results.entrySet().forEach(en -> ordered.add(en.getKey(), en.getValue()));
            JsonValues.write(tmp.resolve("results.json"), ordered);
            AtomicFiles.writeString(tmp.resolve("report.html"), html.render(), "report.html");
            AtomicFiles.writeString(tmp.resolve("summary.txt"), String.join("\n", report.summary()) + "\n",
                    "summary.txt");
            Path dir = freeName(outRoot, study.name() + "-" + stamp);
            AtomicMoves.move(tmp, dir);
            return new StudyResult(dir, report.summary(), ordered, computed, reused);
        } catch (IOException e) {
            throw new QuiverUserException("cannot write the run folder under " + outRoot + ": " + e.getMessage(), e);
        } finally {
            try {
                AtomicFiles.deleteTree(tmp);
            } catch (IOException ignored) {
                // best effort: a leftover hidden .partial folder is harmless
            }
        }
    }

    private static Path freeName(Path root, String name) {
        Path p = root.resolve(name);
        for (int i = 2; Files.exists(p); i++) {
            p = root.resolve(name + "-" + i);
        }
        return p;
    }

    /** Copies {@code src} to {@code dst}, leaving out the top-level folders in {@link #NOT_COPIED}. */
    static void copyTree(Path src, Path dst) throws IOException {
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = src.relativize(dir);
                if (rel.getNameCount() == 1 && NOT_COPIED.contains(rel.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(dst.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, dst.resolve(src.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
