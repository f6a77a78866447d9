package dev.quiver.cli.bench;

import picocli.CommandLine.Command;

/** {@code quiver bench}: speed measurements (see {@code BENCHMARKS.md} for recorded results). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure how fast Quiver runs on this machine.",
            "For careful numbers use the JMH benchmarks in quiver-bench (java -jar quiver-bench/target/benchmarks.jar);"
                + " these commands are a quick check that needs nothing but the quiver command."},
        subcommands = {EnvsBenchCommand.class, StatsBenchCommand.class, OfflineBenchCommand.class,
            DatasetBenchCommand.class})
public final class BenchCommand {
}
