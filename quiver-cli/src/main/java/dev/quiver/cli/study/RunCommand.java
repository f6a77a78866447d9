package dev.quiver.cli.study;

import dev.quiver.core.io.AtomicFiles;
import dev.quiver.pipeline.config.StudyConfig;
import dev.quiver.pipeline.config.StudyParser;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.StudyResult;
import dev.quiver.pipeline.run.StudyRunner;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code quiver run STUDY.yaml}: runs a study (docs/pipeline.md): data, learn, estimate, verify, quantify,
 * report, each stage cached by the content of its configuration and inputs, and prints the summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a study: from logged data to a recommended policy you can trust, with a report.",
            "Stages: data (collect or read logs, split by episode), learn (offline candidates x seeds), estimate"
                + " (off-policy evaluation on held-out logs, ranking), verify (online evaluation, rliable statistics,"
                + " how well OPE ranked), quantify (conformal interval of the next episode's return), report"
                + " (runs/<study>-<timestamp>/report.html, results.json, CSV logs, checkpoints).",
            "Unchanged stages are taken from the cache; a failed run leaves earlier results untouched.",
            "The YAML schema: docs/pipeline.md; an example: quiver demo's studies."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study file.")
    Path study;

    @Mixin
    StudyOptions options;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write results.json's content to OUT (the"
            + " same strict JSON: undefined or infinite numbers are null).")
    Path json;

    @Override
    public Integer call() {
        StudyConfig config = StudyParser.read(study);
        PrintWriter out = spec.commandLine().getOut();
        PrintStream err = System.err;
        StudyResult r = StudyRunner.run(config, options.toRunOptions(err));
        print(out, config, r);
        if (json != null) {
            AtomicFiles.writeString(json, JsonValues.toJson(r.results()), "--json " + json);
        }
        return 0;
    }

    /** Prints a finished run's summary. */
    static void print(PrintWriter out, StudyConfig config, StudyResult r) {
        out.println();
        out.println("Study " + config.name() + " (" + config.kind().key() + "): " + r.stagesComputed()
                + " stage(s) computed, " + r.stagesReused() + " from the cache");
        for (String line : r.summary()) {
            out.println("  " + line);
        }
        out.println("  report: " + r.report());
        out.flush();
    }
}
