package dev.quiver.uq.linalg;

/**
 * Limited-memory BFGS (Liu and Nocedal 1989) for smooth unconstrained minimisation: the two-loop
 * recursion over the last {@code memory} steps and a backtracking line search with the Armijo condition
 * ({@code c1 = 1e-4}, halving; the first step is scaled to length 1). Stops when
 * {@code |g| ≤ gradientTolerance · max(1, |g₀|)}, when the objective stops changing (relative 1e-15),
 * or after {@code maxIterations}.
 *
 * @see <a href="https://doi.org/10.1007/BF01589116">Liu and Nocedal (1989), On the limited memory BFGS
 *     method for large scale optimization, Mathematical Programming 45</a>
 */
public final class Lbfgs {
    /** An objective: writes the gradient at {@code x} into {@code gradient} and returns the value. */
    @FunctionalInterface
    public interface Objective {
        /** The value at {@code x}; the gradient goes into {@code gradient}. */
        double valueAndGradient(double[] x, double[] gradient);
    }

    /**
     * The result of a minimisation.
     *
     * @param x the final point
     * @param value the objective there
     * @param gradientNorm the Euclidean norm of the gradient there
     * @param iterations the iterations taken
     */
    public record Result(double[] x, double value, double gradientNorm, int iterations) {
    }

    private Lbfgs() {
    }

    /** Minimises {@code f} from {@code x0} (not modified). */
    public static Result minimize(Objective f, double[] x0, int memory, double gradientTolerance, int maxIterations) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        double g0 = Math.max(1.0, norm(g));
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        int stored = 0;
        int head = 0;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int it = 0;
        for (; it < maxIterations; it++) {
            if (norm(g) <= gradientTolerance * g0) {
                break;
            }
            // two-loop recursion: d = -H g
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int k = 0; k < stored; k++) {
                int idx = Math.floorMod(head - 1 - k, memory);
                alpha[idx] = rho[idx] * dot(s[idx], d);
                axpy(-alpha[idx], y[idx], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                for (int i = 0; i < n; i++) {
                    d[i] *= gamma;
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int idx = Math.floorMod(head - 1 - k, memory);
                double beta = rho[idx] * dot(y[idx], d);
                axpy(alpha[idx] - beta, s[idx], d);
            }
            double slope = dot(g, d);
            if (!(slope < 0)) {
                // not a descent direction: restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
            }
            double step = stored == 0 ? 1.0 / Math.max(1.0, norm(d)) : 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 60; ls++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] sk = s[head];
            double[] yk = y[head];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            boolean flat = Math.abs(fx - fNew) <= 1e-15 * Math.max(1.0, Math.abs(fx));
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (sy > 1e-300) {
                rho[head] = 1.0 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            if (flat) {
                it++;
                break;
            }
        }
        return new Result(x, fx, norm(g), it);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
