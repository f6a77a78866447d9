package dev.quiver.cli.conformal;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.uq.model.xgb.XgbConfig;
import picocli.CommandLine.Option;

/** The xgboost settings on the command line (the rest stay at {@link XgbConfig#defaults()}). */
final class XgbOptions {
    @Option(names = "--xgb-rounds", paramLabel = "N", defaultValue = "100",
            description = "xgboost boosting rounds (default: ${DEFAULT-VALUE}).")
    int xgbRounds;

    @Option(names = "--xgb-depth", paramLabel = "D", defaultValue = "4",
            description = "xgboost tree depth (default: ${DEFAULT-VALUE}); one thread.")
    int xgbDepth;

    @Option(names = "--xgb-eta", paramLabel = "E", defaultValue = "0.1",
            description = "xgboost learning rate (default: ${DEFAULT-VALUE}).")
    double xgbEta;

    XgbConfig xgb() {
        if (xgbRounds < 1 || xgbDepth < 1) {
            throw new QuiverUserException("--xgb-rounds and --xgb-depth must be at least 1, got " + xgbRounds + ", "
                    + xgbDepth);
        }
        if (!(xgbEta > 0) || !Double.isFinite(xgbEta)) {
            throw new QuiverUserException("--xgb-eta must be positive, got " + xgbEta);
        }
        return XgbConfig.defaults().withRounds(xgbRounds).withMaxDepth(xgbDepth).withEta(xgbEta);
    }
}
