package dev.quiver.cli.bandit;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.algo.BernoulliThompsonConfig;
import dev.quiver.bandits.algo.EpsilonGreedyConfig;
import dev.quiver.bandits.algo.FastCbConfig;
import dev.quiver.bandits.algo.GammaSchedule;
import dev.quiver.bandits.algo.GaussianThompsonConfig;
import dev.quiver.bandits.algo.LinTsConfig;
import dev.quiver.bandits.algo.LinUcbConfig;
import dev.quiver.bandits.algo.SquareCbConfig;
import dev.quiver.bandits.algo.Ucb1Config;
import dev.quiver.bandits.neural.NeuFastCbConfig;
import dev.quiver.bandits.neural.NeuSquareCbConfig;
import dev.quiver.bandits.neural.NeuralOracleConfig;
import dev.quiver.core.error.QuiverUserException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --param ALGO.KEY=VALUE}: changes one setting of one algorithm's default configuration. Keys:
 * epsgreedy epsilon, decay; ucb1 c; ts-beta alpha, beta; ts-gaussian scale; linucb alpha, lambda; lints v,
 * lambda; squarecb and fastcb gamma-scale, gamma-exponent, lambda; neusquarecb and neufastcb lr, hidden
 * (widths joined by x, e.g. 64x64), cp, window, gamma-scale, gamma-exponent.
 */
final class AlgorithmParams {
    private AlgorithmParams() {
    }

    /** {@code configs} with every {@code ALGO.KEY=VALUE} of {@code params} applied in order. */
    static List<AlgorithmConfig> apply(List<AlgorithmConfig> configs, List<String> params) {
        List<AlgorithmConfig> out = new ArrayList<>(configs);
        for (String p : params) {
            int dot = p.indexOf('.');
            int eq = p.indexOf('=');
            if (dot < 1 || eq < dot + 2 || eq == p.length() - 1) {
                throw new QuiverUserException("--param " + p + ": expected ALGO.KEY=VALUE, e.g. neusquarecb.lr=0.1");
            }
            String algo = p.substring(0, dot).trim().toLowerCase(Locale.ROOT);
            String key = p.substring(dot + 1, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            int i = indexOf(out, algo);
            if (i < 0) {
                throw new QuiverUserException("--param " + p + ": algorithm '" + algo + "' is not in --algo");
            }
            try {
                out.set(i, set(out.get(i), key, value));
            } catch (NumberFormatException e) {
                throw new QuiverUserException("--param " + p + ": '" + value + "' is not a number", e);
            } catch (IllegalArgumentException e) {
                throw new QuiverUserException("--param " + p + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static int indexOf(List<AlgorithmConfig> configs, String name) {
        for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static AlgorithmConfig set(AlgorithmConfig c, String key, String value) {
        if (c instanceof EpsilonGreedyConfig e) {
            return switch (key) {
                case "epsilon" -> e.withEpsilon(num(value));
                case "decay" -> e.withDecay(num(value));
                default -> throw unknown(c, key, "epsilon, decay");
            };
        }
        if (c instanceof Ucb1Config u) {
            if (key.equals("c")) {
                return u.withC(num(value));
            }
            throw unknown(c, key, "c");
        }
        if (c instanceof BernoulliThompsonConfig b) {
            return switch (key) {
                case "alpha" -> b.withPrior(num(value), b.priorBeta());
                case "beta" -> b.withPrior(b.priorAlpha(), num(value));
                default -> throw unknown(c, key, "alpha, beta");
            };
        }
        if (c instanceof GaussianThompsonConfig g) {
            if (key.equals("scale")) {
                return g.withScale(num(value));
            }
            throw unknown(c, key, "scale");
        }
        if (c instanceof LinUcbConfig l) {
            return switch (key) {
                case "alpha" -> l.withAlpha(num(value));
                case "lambda" -> l.withLambda(num(value));
                default -> throw unknown(c, key, "alpha, lambda");
            };
        }
        if (c instanceof LinTsConfig l) {
            return switch (key) {
                case "v" -> l.withV(num(value));
                case "lambda" -> l.withLambda(num(value));
                default -> throw unknown(c, key, "v, lambda");
            };
        }
        if (c instanceof SquareCbConfig s) {
            return switch (key) {
                case "gamma-scale" -> s.withGamma(new GammaSchedule(num(value), s.gamma().exponent()));
                case "gamma-exponent" -> s.withGamma(new GammaSchedule(s.gamma().scale(), num(value)));
                case "lambda" -> s.withLambda(num(value));
                default -> throw unknown(c, key, "gamma-scale, gamma-exponent, lambda");
            };
        }
        if (c instanceof FastCbConfig f) {
            return switch (key) {
                case "gamma-scale" -> f.withGamma(new GammaSchedule(num(value), f.gamma().exponent()));
                case "gamma-exponent" -> f.withGamma(new GammaSchedule(f.gamma().scale(), num(value)));
                case "lambda" -> f.withLambda(num(value));
                default -> throw unknown(c, key, "gamma-scale, gamma-exponent, lambda");
            };
        }
        if (c instanceof NeuSquareCbConfig n) {
            return switch (key) {
                case "gamma-scale" -> n.withGamma(new GammaSchedule(num(value), n.gamma().exponent()));
                case "gamma-exponent" -> n.withGamma(new GammaSchedule(n.gamma().scale(), num(value)));
                default -> n.withOracle(oracle(n.oracle(), c, key, value));
            };
        }
        if (c instanceof NeuFastCbConfig n) {
            return switch (key) {
                case "gamma-scale" -> n.withGamma(new GammaSchedule(num(value), n.gamma().exponent()));
                case "gamma-exponent" -> n.withGamma(new GammaSchedule(n.gamma().scale(), num(value)));
                default -> n.withOracle(oracle(n.oracle(), c, key, value));
            };
        }
        throw unknown(c, key, "none");
    }

    private static NeuralOracleConfig oracle(NeuralOracleConfig o, AlgorithmConfig c, String key, String value) {
        return switch (key) {
            case "lr" -> o.withLearningRate(num(value));
            case "cp" -> o.withPerturbation(num(value));
            case "window" -> o.withWindow(Integer.parseInt(value));
            case "hidden" -> {
                List<Integer> widths = new ArrayList<>();
                for (String w : value.split("x")) {
                    widths.add(Integer.parseInt(w.trim()));
                }
                yield o.withHidden(widths);
            }
            default -> throw unknown(c, key, "lr, hidden, cp, window, gamma-scale, gamma-exponent");
        };
    }

    private static double num(String v) {
        return Double.parseDouble(v);
    }

    private static IllegalArgumentException unknown(AlgorithmConfig c, String key, String keys) {
        return new IllegalArgumentException("unknown key '" + key + "' for " + c.name() + "; expected " + keys);
    }
}
