package dev.quiver.uq.aggregation;

/** The mean and population standard deviation of a target (sd 1 when constant), for standardising. */
final class Scaling {
    private Scaling() {
    }

    /** {@code {mean, sd}}. */
    static double[] of(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("no targets");
        }
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double s = 0;
        for (double v : y) {
            s += (v - m) * (v - m);
        }
        s = Math.sqrt(s / y.length);
        return new double[] {m, s > 0 && Double.isFinite(s) ? s : 1.0};
    }
}
