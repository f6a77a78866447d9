package dev.quiver.cli.study;

import dev.quiver.cli.EnvsTourCommand;
import dev.quiver.pipeline.config.StudyConfig;
import dev.quiver.pipeline.demo.DemoStudies;
import dev.quiver.pipeline.run.RunOptions;
import dev.quiver.pipeline.run.StudyResult;
import dev.quiver.pipeline.run.StudyRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver demo}: runs the shipped default studies ({@link DemoStudies}): offline RL on CartPole-v1 and
 * Pendulum-v1 from a scripted behaviour policy's logs, and candidate policies on synthetic recommendation logs
 * (or the Open Bandit Dataset with {@code --obd DIR}); {@code --quick} for a first look; {@code --tour} for the
 * old tour of the environments ({@code quiver envs tour}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job, end to end, on shipped studies: from logged data to a decision you can trust,"
                + " with a report.",
            "1. Sequential: a scripted controller with random actions logs CartPole-v1 and Pendulum-v1 episodes;"
                + " BC, CQL, IQL (also with advantage-weighted sampling) and TD3+BC learn from 70%% of them over 3"
                + " seeds; FQE, doubly robust and importance sampling rank them on the other 30%%; online episodes"
                + " check the ranking and the improvement over the behaviour policy; split conformal prediction"
                + " bounds the next episode's return.",
            "2. Contextual bandit: synthetic recommendation logs (Open Bandit Pipeline's generator; --obd DIR for"
                + " the Open Bandit Dataset); greedy policies on reward models, LinUCB and LinTS snapshots, the"
                + " logging policy; DM, IPS, SNIPS, DR and SNDR with intervals; the truth where it is known.",
            "About 4 minutes of CPU time (a few minutes on 2 cores; seconds on a rerun, every stage is cached);"
                + " --quick needs well under a minute of CPU."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Scaled-down studies: a first look in under 2 minutes.")
    boolean quick;

    @Option(names = "--obd", paramLabel = "DIR",
            description = "Run the bandit study on the Open Bandit Dataset at DIR (its root holding random/ and bts/,"
                    + " or one {policy}/{campaign} folder) instead of synthetic logs.")
    Path obd;

    @Option(names = "--tour", description = "Run the old quick tour of the environments instead (quiver envs tour).")
    boolean tour;

    @Mixin
    StudyOptions options;

    @Override
    public Integer call() {
        if (tour) {
            CommandLine tourCl = new CommandLine(new EnvsTourCommand());
            tourCl.setOut(spec.commandLine().getOut());
            tourCl.setErr(spec.commandLine().getErr());
            return tourCl.execute();
        }
        List<StudyConfig> studies = DemoStudies.load(quick, obd);
        PrintWriter out = spec.commandLine().getOut();
        RunOptions ro = options.toRunOptions(System.err);
        long t0 = System.nanoTime();
        for (StudyConfig s : studies) {
            out.println("== " + s.name() + " (" + s.kind().key() + ", " + s.source() + ")");
            out.flush();
            StudyResult r = StudyRunner.run(s, ro);
            RunCommand.print(out, s, r);
            out.println();
        }
        out.println(String.format(Locale.ROOT, "demo done in %.1f s wall on %d thread(s). Run your own study: quiver"
                + " run STUDY.yaml (docs/pipeline.md).", (System.nanoTime() - t0) / 1e9, ro.threads()));
        out.flush();
        return 0;
    }
}
