package dev.quiver.ope.model;

/** Solves symmetric positive-definite systems {@code A x = b} by a Cholesky factorisation (dense, in place). */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * Solves {@code a x = b}; {@code a} (row-major {@code p x p}, symmetric) is overwritten by its factor.
     *
     * @throws ArithmeticException if {@code a} is not positive definite
     */
    static double[] solve(double[] a, double[] b, int p) {
        for (int j = 0; j < p; j++) {
            double s = a[j * p + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * p + k] * a[j * p + k];
            }
            if (!(s > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + j + " = " + s + ")");
            }
            double l = Math.sqrt(s);
            a[j * p + j] = l;
            for (int i = j + 1; i < p; i++) {
                double t = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * p + k] * a[j * p + k];
                }
                a[i * p + j] = t / l;
            }
        }
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            double t = b[i];
            for (int k = 0; k < i; k++) {
                t -= a[i * p + k] * y[k];
            }
            y[i] = t / a[i * p + i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double t = y[i];
            for (int k = i + 1; k < p; k++) {
                t -= a[k * p + i] * x[k];
            }
            x[i] = t / a[i * p + i];
        }
        return x;
    }
}
