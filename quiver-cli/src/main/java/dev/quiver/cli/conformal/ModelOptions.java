package dev.quiver.cli.conformal;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.uq.model.mlp.MlpConfig;
import dev.quiver.uq.model.xgb.XgbConfig;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Settings of the built-in regression models (the rest stay at their documented defaults). */
final class ModelOptions {
    @Option(names = "--ridge-lambda", paramLabel = "L", defaultValue = "1.0",
            description = "Ridge penalty on the standardised coefficients for --model ridge (default: ${DEFAULT-VALUE}).")
    double ridgeLambda;

    @Mixin
    XgbOptions xgbOptions;

    @Option(names = "--mlp-hidden", paramLabel = "W,W,...", split = ",",
            description = "MLP hidden widths (default: 64,64).")
    List<Integer> mlpHidden;

    @Option(names = "--mlp-epochs", paramLabel = "E", defaultValue = "100",
            description = "MLP training epochs (default: ${DEFAULT-VALUE}); Adam 1e-3, batches of 64.")
    int mlpEpochs;

    XgbConfig xgb() {
        return xgbOptions.xgb();
    }

    MlpConfig mlp() {
        if (mlpEpochs < 1) {
            throw new QuiverUserException("--mlp-epochs must be at least 1, got " + mlpEpochs);
        }
        MlpConfig c = MlpConfig.defaults().withEpochs(mlpEpochs);
        if (mlpHidden != null) {
            int[] h = mlpHidden.stream().mapToInt(Integer::intValue).toArray();
            for (int w : h) {
                if (w < 1) {
                    throw new QuiverUserException("--mlp-hidden widths must be at least 1, got " + mlpHidden);
                }
            }
            c = c.withHidden(h);
        }
        return c;
    }

    double ridgeLambda() {
        if (!(ridgeLambda >= 0) || !Double.isFinite(ridgeLambda)) {
            throw new QuiverUserException("--ridge-lambda must be finite and >= 0, got " + ridgeLambda);
        }
        return ridgeLambda;
    }
}
