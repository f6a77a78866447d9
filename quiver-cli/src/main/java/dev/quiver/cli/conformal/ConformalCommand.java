package dev.quiver.cli.conformal;

import picocli.CommandLine.Command;

/** {@code quiver conformal}: conformal prediction intervals and sets on tabular data. */
@Command(name = "conformal", mixinStandardHelpOptions = true,
        description = {"Conformal prediction on tabular data: fit a model, calibrate it, and measure the coverage and"
                + " size of its intervals (regress) or sets (classify) on held-out rows, over repeated random splits.",
            "Data: a CSV file (--data FILE --target COLUMN) or one of the CQR benchmarks (--dataset NAME)."},
        subcommands = {ConformalRegressCommand.class, ConformalClassifyCommand.class, ConformalAggregateCommand.class,
            ConformalAbstainCommand.class})
public final class ConformalCommand {
}
