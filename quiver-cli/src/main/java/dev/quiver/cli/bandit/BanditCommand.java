package dev.quiver.cli.bandit;

import picocli.CommandLine.Command;

/** {@code quiver bandit}: simulate bandit algorithms (regret curves) and sparse misspecified best-arm searches. */
@Command(name = "bandit", mixinStandardHelpOptions = true,
        description = {"Bandit algorithms on simulators: regret curves over seeds with bootstrap intervals"
                + " (simulate), and best-arm searches on sparse misspecified linear bandits counting queries (sparse)."},
        subcommands = {BanditSimulateCommand.class, BanditSparseCommand.class})
public final class BanditCommand {
}
