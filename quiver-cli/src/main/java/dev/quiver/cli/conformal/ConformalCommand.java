package dev.quiver.cli.conformal;

import picocli.CommandLine.Command;

/** {@code quiver conformal}: conformal prediction intervals, sets and selection on tabular data. */
@Command(name = "conformal", mixinStandardHelpOptions = true,
        description = {"Conformal prediction on tabular data: fit a model, calibrate it, and measure the coverage and"
                + " size of its intervals (regress) or sets (classify) on held-out rows, or select the rows whose"
                + " outcome exceeds a threshold with FDR control (select), aggregate quantile models (aggregate) or"
                + " learn an abstention policy (abstain), over repeated random splits.",
            "Data: a CSV file (--data FILE --target COLUMN) or one of the CQR benchmarks (--dataset NAME)."},
        subcommands = {ConformalRegressCommand.class, ConformalClassifyCommand.class, ConformalSelectCommand.class,
            ConformalAggregateCommand.class, ConformalAbstainCommand.class})
public final class ConformalCommand {
}
