package dev.quiver.cli;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.envs.reference.EpisodeCheck;
import dev.quiver.envs.reference.ReferenceVerifier;
import dev.quiver.envs.reference.VerificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quiver envs verify}: replay Gymnasium reference trajectories and report the deviations. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Replay Gymnasium reference trajectories (CSV, see shared/data/gymnasium-reference/README.md)"
                + " through Quiver's envs: each episode starts from the recorded t = 0 internal state, replays the"
                + " recorded actions under Gymnasium's time limit, and compares observations, rewards and the"
                + " terminated/truncated flags.",
            "Exit status 1 when any episode deviates by more than the tolerance or a flag differs."})
public final class EnvsVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", paramLabel = "FILE.csv", required = true,
            description = "A reference CSV (the env id is its file name, e.g. CartPole-v1.csv), or a directory of"
                    + " them. Repeatable.")
    List<Path> references = new ArrayList<>();

    @Option(names = "--env", paramLabel = "ID", description = "The env id to replay (default: the file name without .csv);"
            + " only with a single file.")
    String env;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-6",
            description = "Largest absolute deviation allowed for observations and rewards (default: ${DEFAULT-VALUE});"
                    + " flags must match exactly.")
    double tolerance;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the per-episode results as JSON to OUT.")
    Path json;

    @Override
    public Integer call() {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new QuiverUserException("--tolerance must be a finite number >= 0, got " + tolerance);
        }
        List<Path> files = expand(references);
        if (env != null && files.size() != 1) {
            throw new QuiverUserException("--env " + env + " applies to a single reference file, but " + files.size()
                    + " were given: " + files);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<VerificationReport> reports = new ArrayList<>();
        for (Path f : files) {
            reports.add(ReferenceVerifier.verify(f, env, tolerance));
        }
        Table table = new Table("env", "policy", ">seed", ">steps", ">max|dobs|", ">max|dreward|", ">flag mismatches",
                "result");
        List<String> problems = new ArrayList<>();
        int episodes = 0;
        int failed = 0;
        for (VerificationReport r : reports) {
            for (EpisodeCheck c : r.episodes()) {
                episodes++;
                String steps = c.stepsReplayed() == c.steps() ? Integer.toString(c.steps())
                        : c.stepsReplayed() + "/" + c.steps();
                table.row(r.envId(), c.policy(), c.seed(), steps, Format.sci(c.maxObservationDeviation()),
                        Format.sci(c.maxRewardDeviation()), c.flagMismatches(), c.passed() ? "ok" : "FAIL");
                if (!c.passed()) {
                    failed++;
                    problems.add(r.envId() + " " + c.policy() + " seed " + c.seed() + ": " + c.firstProblem());
                }
            }
        }
        table.print(out);
        for (String p : problems) {
            out.println("  " + p);
        }
        boolean passed = failed == 0 && episodes > 0;
        out.println((passed ? "PASS" : "FAIL") + ": " + (episodes - failed) + "/" + episodes + " episodes in "
                + reports.size() + " file(s) within tolerance " + tolerance + " with matching flags");
        out.flush();
        if (json != null) {
            Json.writeFile(json, toJson(reports, passed));
        }
        return passed ? 0 : QuiverCommand.EXIT_FAILED;
    }

    private Map<String, Object> toJson(List<VerificationReport> reports, boolean passed) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "envs verify");
        doc.put("tolerance", tolerance);
        doc.put("passed", passed);
        List<Object> files = new ArrayList<>();
        for (VerificationReport r : reports) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", r.file().toString());
            f.put("env", r.envId());
            f.put("time_limit", r.timeLimit());
            f.put("passed", r.passed());
            f.put("max_observation_deviation", r.maxObservationDeviation());
            f.put("max_reward_deviation", r.maxRewardDeviation());
            f.put("flag_mismatches", r.flagMismatches());
            List<Object> eps = new ArrayList<>();
            for (EpisodeCheck c : r.episodes()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("policy", c.policy());
                e.put("seed", c.seed());
                e.put("steps", c.steps());
                e.put("steps_replayed", c.stepsReplayed());
                e.put("max_observation_deviation", c.maxObservationDeviation());
                e.put("max_reward_deviation", c.maxRewardDeviation());
                e.put("flag_mismatches", c.flagMismatches());
                e.put("passed", c.passed());
                e.put("first_problem", c.firstProblem());
                eps.add(e);
            }
            f.put("episodes", eps);
            files.add(f);
        }
        doc.put("files", files);
        return doc;
    }

    /** Files as given; directories replaced by their {@code *.csv} files, sorted by name. */
    static List<Path> expand(List<Path> given) {
        List<Path> files = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> csvs = s.filter(f -> f.getFileName().toString().endsWith(".csv") && Files.isRegularFile(f))
                            .sorted().toList();
                    if (csvs.isEmpty()) {
                        throw new QuiverUserException("--reference " + p + ": the directory has no .csv files");
                    }
                    files.addAll(csvs);
                } catch (IOException e) {
                    throw new QuiverUserException("--reference " + p + ": cannot list the directory: " + e, e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new QuiverUserException("--reference " + p + ": no such file or directory");
            }
        }
        return files;
    }
}
