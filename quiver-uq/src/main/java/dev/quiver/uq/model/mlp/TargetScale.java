package dev.quiver.uq.model.mlp;

/** Standardisation of a regression target: {@code (y − mean) / sd} (population sd; 1 if constant). */
record TargetScale(double mean, double sd) {
    static TargetScale fit(double[] y) {
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
        return new TargetScale(m, s > 0 && Double.isFinite(s) ? s : 1.0);
    }

    float[] standardised(double[] y) {
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            f[i] = (float) ((y[i] - mean) / sd);
        }
        return f;
    }

    double original(double z) {
        return mean + sd * z;
    }
}
