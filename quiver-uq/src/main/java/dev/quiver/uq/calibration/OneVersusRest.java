package dev.quiver.uq.calibration;

/**
 * A {@link ScoreCalibrator} applied to class-probability vectors. With two classes it calibrates the positive
 * class (class 1) and sets {@code p₀ = 1 − p₁}; with K > 2 it calibrates each class against the rest and
 * divides by the row sum (a uniform row if every calibrated value is 0) — scikit-learn's
 * {@code CalibratedClassifierCV}. The score of class k is its predicted probability, or its logit
 * {@code log(p / (1 − p))} with p clipped to {@code [1e-15, 1 − 1e-15]} (Platt's curve is logistic in the
 * score, so the logit makes Platt scaling a two-parameter recalibration of the classifier's own logistic
 * output).
 *
 * @param calibrator the binary method
 * @param logitScores whether the score is the logit of the probability (else the probability itself)
 * @param name the method's name, for output
 * @see <a href="https://doi.org/10.1145/775047.775151">Zadrozny and Elkan (2002), Transforming classifier scores
 *     into accurate multiclass probability estimates, KDD</a>
 */
public record OneVersusRest(ScoreCalibrator calibrator, boolean logitScores, String name)
        implements ProbabilityCalibrator {
    private static final double CLIP = 1e-15;

    /** Platt scaling ({@link PlattScaling#defaults()}) on the logits. */
    public static OneVersusRest platt() {
        return new OneVersusRest(PlattScaling.defaults(), true, "platt");
    }

    /** Isotonic calibration on the probabilities. */
    public static OneVersusRest isotonic() {
        return new OneVersusRest(new IsotonicCalibration(), false, "isotonic");
    }

    @Override
    public ProbabilityCalibration fit(double[][] probabilities, int[] labels) {
        int k = ProbabilityCalibrator.check(probabilities, labels);
        int first = k == 2 ? 1 : 0;
        ScoreCalibration[] maps = new ScoreCalibration[k];
        for (int c = first; c < k; c++) {
            int[] y = new int[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels[i] == c ? 1 : 0;
            }
            maps[c] = calibrator.fit(scores(probabilities, c), y);
        }
        return rows -> {
            double[][] out = new double[rows.length][k];
            for (int c = first; c < k; c++) {
                double[] p = maps[c].probabilities(scores(rows, c));
                for (int i = 0; i < rows.length; i++) {
                    out[i][c] = p[i];
                }
            }
            for (double[] o : out) {
                if (k == 2) {
                    o[0] = 1 - o[1];
                    continue;
                }
                double sum = 0;
                for (double v : o) {
                    sum += v;
                }
                for (int c = 0; c < k; c++) {
                    o[c] = sum > 0 ? o[c] / sum : 1.0 / k;
                }
            }
            return out;
        };
    }

    private double[] scores(double[][] probabilities, int c) {
        double[] s = new double[probabilities.length];
        for (int i = 0; i < s.length; i++) {
            double p = probabilities[i][c];
            s[i] = logitScores ? logit(p) : p;
        }
        return s;
    }

    /** {@code log(p / (1 − p))} with p clipped to {@code [1e-15, 1 − 1e-15]}. */
    public static double logit(double p) {
        double c = Math.min(1 - CLIP, Math.max(CLIP, p));
        return Math.log(c / (1 - c));
    }
}
