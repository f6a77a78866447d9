package dev.quiver.cli.ope;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.data.LogsCsv;
import dev.quiver.ope.bandit.data.OpenBanditDataset;
import dev.quiver.ope.model.LogisticRewardModel;
import dev.quiver.ope.model.RewardFeatures;
import dev.quiver.ope.model.RewardModel;
import dev.quiver.ope.model.RidgeRewardModel;
import dev.quiver.ope.model.XGBoostRewardModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reading logs and naming reward models for the {@code quiver ope} commands. */
final class BanditInputs {
    private BanditInputs() {
    }

    /** Logs from an Open Bandit Dataset folder (a directory) or a CSV of logs (a file). */
    static LoggedBanditData readLogs(Path path, String what, boolean affinity, int numActions) {
        if (Files.isDirectory(path)) {
            return OpenBanditDataset.read(path, affinity);
        }
        if (!Files.exists(path)) {
            throw new QuiverUserException(what + " " + path + ": not found (expected a CSV of logs or an Open Bandit"
                    + " Dataset folder {policy}/{campaign})");
        }
        return LogsCsv.read(path, numActions);
    }

    /** The reward model called {@code name}: auto, ridge, logistic or xgboost. */
    static RewardModel rewardModel(String name, RewardFeatures features, LoggedBanditData data, long seed) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("auto")) {
            n = data.binaryRewards() ? "logistic" : "ridge";
        }
        return switch (n) {
            case "ridge" -> RidgeRewardModel.defaults().withFeatures(features);
            case "logistic" -> LogisticRewardModel.defaults().withFeatures(features);
            case "xgboost" -> XGBoostRewardModel.defaults().withFeatures(features).withSeed(seed);
            default -> throw new QuiverUserException("--reward-model must be one of auto, ridge, logistic, xgboost; got '"
                    + name + "'");
        };
    }

    /** additive or interaction. */
    static RewardFeatures features(String name) {
        for (RewardFeatures f : RewardFeatures.values()) {
            if (f.cliName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new QuiverUserException("--features must be additive or interaction; got '" + name + "'");
    }
}
