package dev.quiver.cli.ope;

import picocli.CommandLine.Command;

/** {@code quiver ope}: off-policy evaluation. */
@Command(name = "ope", mixinStandardHelpOptions = true,
        description = {"Off-policy evaluation: estimate how a policy would do from data logged by another, with"
                + " bootstrap intervals.",
            "bandit: estimate a policy's value from logged bandit feedback (a CSV of logs or an Open Bandit Dataset"
                + " folder); synthetic: compare the estimators' bias and MSE on simulated logs with a known truth; rl: estimate"
                + " a policy's value from logged episodes (PDIS, WIS, DR, FQE)."},
        subcommands = {OpeBanditCommand.class, OpeSyntheticCommand.class, OpeRlCommand.class})
public final class OpeCommand {
}
