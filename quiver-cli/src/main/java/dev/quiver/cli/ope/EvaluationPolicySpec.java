package dev.quiver.cli.ope;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import dev.quiver.ope.bandit.policy.ContextFreePolicy;
import dev.quiver.ope.bandit.policy.PolicyCsv;
import dev.quiver.ope.bandit.policy.ScorePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code --eval-policy} of {@code quiver ope bandit}: {@code uniform}; {@code epsilon-greedy:EPS} or
 * {@code softmax:BETA} on the reward model's (cross-fitted) predictions; {@code frequencies:PATH}, the
 * per-position action frequencies of the logs at PATH (a context-free policy, e.g. the Open Bandit
 * Dataset's BTS from its own logs); or a CSV file of per-row probabilities.
 */
record EvaluationPolicySpec(String text) {
    static final String HELP = "uniform, epsilon-greedy:EPS or softmax:BETA (on the reward model's predictions),"
            + " frequencies:PATH (per-position action frequencies of the logs at PATH, a CSV or an Open Bandit"
            + " Dataset folder) or FILE.csv (one line per logged row with the K action probabilities)";

    /** Whether the policy is built from the reward model's predictions. */
    boolean needsRewardModel() {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("epsilon-greedy:") || t.startsWith("softmax:");
    }

    /** The policy's action probabilities on {@code logs}; {@code qHat} is read only when {@link #needsRewardModel()}. */
    ActionDistribution resolve(LoggedBanditData logs, double[][] qHat, boolean affinity) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("uniform")) {
            return ActionDistribution.uniform(logs.size(), logs.numActions());
        }
        if (lower.startsWith("epsilon-greedy:") || lower.startsWith("softmax:")) {
            double v = number(t.substring(t.indexOf(':') + 1));
            try {
                ScorePolicy p = lower.startsWith("softmax:") ? ScorePolicy.softmax(v) : ScorePolicy.epsilonGreedy(v);
                return p.apply(qHat);
            } catch (IllegalArgumentException e) {
                throw new QuiverUserException("--eval-policy " + t + ": " + e.getMessage(), e);
            }
        }
        if (lower.startsWith("frequencies:")) {
            Path path = Path.of(t.substring("frequencies:".length()));
            LoggedBanditData source = BanditInputs.readLogs(path, "--eval-policy frequencies:", affinity,
                    logs.numActions());
            if (source.numActions() != logs.numActions() || source.numPositions() != logs.numPositions()) {
                throw new QuiverUserException("--eval-policy " + t + ": those logs have " + source.numActions()
                        + " actions and " + source.numPositions() + " positions; the evaluated logs have "
                        + logs.numActions() + " and " + logs.numPositions());
            }
            try {
                return ContextFreePolicy.fromLogFrequencies(source).on(logs);
            } catch (IllegalArgumentException e) {
                throw new QuiverUserException("--eval-policy " + t + ": " + e.getMessage(), e);
            }
        }
        Path file = Path.of(t);
        if (!Files.isRegularFile(file)) {
            throw new QuiverUserException("--eval-policy '" + t + "': not a file and not a policy name; give " + HELP);
        }
        return PolicyCsv.read(file, logs);
    }

    private double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new QuiverUserException("--eval-policy " + text + ": '" + s + "' is not a number", e);
        }
    }
}
