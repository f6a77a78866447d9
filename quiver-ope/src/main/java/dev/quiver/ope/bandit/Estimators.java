package dev.quiver.ope.bandit;

import dev.quiver.core.error.QuiverUserException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bandit estimators by name, with Open Bandit Pipeline's names: {@code dm}, {@code ipw}, {@code
 * snipw}, {@code dr}, {@code sndr}, {@code switch-dr}, {@code dr-os}, {@code sg-ipw}, {@code sg-dr}. A
 * name may carry its hyperparameter after a colon: {@code ipw:50} and {@code dr:50} clip the weights at
 * 50, {@code switch-dr:100} switches to the model above weight 100, {@code dr-os:10} shrinks with
 * {@code lambda = 10}, {@code sg-ipw:0.1} and {@code sg-dr:0.1} use the power mean with {@code lambda =
 * 0.1}; {@code inf} is allowed where the parameter is unbounded. Without one, {@code ipw} and {@code dr}
 * do not clip, and {@code switch-dr}, {@code dr-os}, {@code sg-ipw} and {@code sg-dr} choose it from a
 * grid by estimated MSE ({@link TunedShrinkage}; OBP's defaults, {@code lambda_=inf} for Switch-DR and
 * {@code 0} for DRos and SG, would make them plain DR, DM and IPW).
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 */
public final class Estimators {
    /** Every estimator name, in a natural reading order. */
    public static final List<String> NAMES = List.of("dm", "ipw", "snipw", "dr", "sndr", "switch-dr", "dr-os", "sg-ipw",
            "sg-dr");
    /** The grid of Switch-DR's {@code tau} when tuned. */
    public static final double[] SWITCH_GRID = {10, 50, 100, 500, 1000, 5000, 10000, Double.POSITIVE_INFINITY};
    /** The grid of DRos's {@code lambda} when tuned. */
    public static final double[] SHRINKAGE_GRID = {1, 10, 50, 100, 500, 1000, 5000, 10000, Double.POSITIVE_INFINITY};
    /** The grid of the sub-Gaussian {@code lambda} when tuned. */
    public static final double[] SUBGAUSSIAN_GRID = {0, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5};

    private Estimators() {
    }

    /** Every estimator with its default hyperparameter, in {@link #NAMES} order. */
    public static List<OffPolicyEstimator> all() {
        List<OffPolicyEstimator> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(byName(n));
        }
        return out;
    }

    /**
     * The estimator for {@code spec}, {@code NAME} or {@code NAME:PARAM} (see the class comment).
     *
     * @throws QuiverUserException for an unknown name or a bad parameter (the message lists what is allowed)
     */
    public static OffPolicyEstimator byName(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String param = colon < 0 ? null : s.substring(colon + 1).trim();
        Double v = param == null ? null : parse(spec, param);
        try {
            switch (name) {
                case "dm", "snipw", "sndr" -> {
                    if (v != null) {
                        throw new QuiverUserException("estimator '" + spec + "': " + name + " takes no parameter");
                    }
                    return switch (name) {
                        case "dm" -> new DirectMethod();
                        case "snipw" -> new SelfNormalizedIpw();
                        default -> new SelfNormalizedDr();
                    };
                }
                case "ipw" -> {
                    return v == null ? new InverseProbabilityWeighting()
                            : new InverseProbabilityWeighting(name, WeightShrinkage.clipping(v));
                }
                case "dr" -> {
                    return v == null ? new DoublyRobust() : new DoublyRobust(name, WeightShrinkage.clipping(v));
                }
                case "switch-dr" -> {
                    return v == null ? new TunedShrinkage(name, true, WeightShrinkage::switching, SWITCH_GRID)
                            : new DoublyRobust(name, WeightShrinkage.switching(v));
                }
                case "dr-os" -> {
                    return v == null ? new TunedShrinkage(name, true, WeightShrinkage::optimistic, SHRINKAGE_GRID)
                            : new DoublyRobust(name, WeightShrinkage.optimistic(v));
                }
                case "sg-ipw" -> {
                    return v == null ? new TunedShrinkage(name, false, WeightShrinkage::subGaussian, SUBGAUSSIAN_GRID)
                            : new InverseProbabilityWeighting(name, WeightShrinkage.subGaussian(v));
                }
                case "sg-dr" -> {
                    return v == null ? new TunedShrinkage(name, true, WeightShrinkage::subGaussian, SUBGAUSSIAN_GRID)
                            : new DoublyRobust(name, WeightShrinkage.subGaussian(v));
                }
                default -> throw new QuiverUserException("unknown estimator '" + spec + "'; choose from "
                        + String.join(", ", NAMES) + " (optionally NAME:PARAM, e.g. switch-dr:100)");
            }
        } catch (IllegalArgumentException e) {
            throw new QuiverUserException("estimator '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** The estimators for a comma-separated list, or all of them for {@code "all"}. */
    public static List<OffPolicyEstimator> parseList(List<String> specs) {
        List<OffPolicyEstimator> out = new ArrayList<>();
        for (String s : specs) {
            if (s.trim().equalsIgnoreCase("all")) {
                out.addAll(all());
            } else if (!s.isBlank()) {
                out.add(byName(s));
            }
        }
        if (out.isEmpty()) {
            throw new QuiverUserException("no estimators given; choose from " + String.join(", ", NAMES) + " or all");
        }
        return out;
    }

    private static double parse(String spec, String param) {
        if (param.equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(param);
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new QuiverUserException("estimator '" + spec + "': parameter '" + param
                    + "' is not a number (or inf)", e);
        }
    }
}
