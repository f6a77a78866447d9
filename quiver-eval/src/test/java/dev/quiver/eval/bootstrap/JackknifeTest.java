package dev.quiver.eval.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.eval.aggregate.Metric;
import org.junit.jupiter.api.Test;

class JackknifeTest {

    // [task][run], rectangular: 3 tasks x 4 runs
    private static final double[][] RECT = {{0.1, 0.5, 2.0, 0.3}, {1.2, 0.7, 0.9, 3.5}, {0.0, 0.2, 0.4, 0.05}};

    /**
     * rliable parity: arch's conf_int(method='bca') on rliable's StratifiedBootstrap leaves out row i
     * of the runs x tasks array. Reference values computed with numpy/scipy reproducing arch's
     * _loo_jackknife and _get_acceleration on RECT transposed (scipy.stats.trim_mean for the IQM).
     */
    @Test
    void rectangularDataLeaveOneRunOutOfEveryTaskAsArch() {
        assertEquals(0.08880044918932825, Jackknife.acceleration(RECT, Metric.iqm()), 1e-13);
        assertEquals(0.007049090023940921, Jackknife.acceleration(RECT, Metric.mean()), 1e-13);
        assertEquals(0.0860878843888735, Jackknife.acceleration(RECT, Metric.median()), 1e-13);
        assertEquals(-0.07766787715855827, Jackknife.acceleration(RECT, Metric.optimalityGap()), 1e-13);
    }

    /**
     * Ragged data: the stratified jackknife of the mean of per-task means has a closed form. Leaving
     * x[t][j] out changes the estimate by (m_t - x[t][j]) / ((n_t - 1) T), so the influence values
     * are l = (x[t][j] - m_t) / T and a = sum (l / n_t)^3 / (6 (sum (l / n_t)^2)^{3/2}): the skewness
     * of the stratified mean's sampling distribution, sum_t mu3_t / (T^3 n_t^2) over (sum_t
     * sigma_t^2 / (T^2 n_t))^{3/2}, over 6.
     */
    @Test
    void raggedDataUseTheStratifiedJackknife() {
        double[][] x = {{0.1, 0.5, 2.0}, {1.2, 0.7, 0.9, 3.5, 0.2}, {4.0}};
        int tasks = x.length;
        double num = 0;
        double den = 0;
        for (double[] row : x) {
            int n = row.length;
            if (n < 2) {
                continue;
            }
            double m = 0;
            for (double v : row) {
                m += v;
            }
            m /= n;
            for (double v : row) {
                double w = (v - m) / tasks / n;
                num += w * w * w;
                den += w * w;
            }
        }
        double expected = num / (6 * Math.pow(den, 1.5));
        assertEquals(expected, Jackknife.acceleration(x, Metric.mean()), 1e-12);
    }

    @Test
    void singleSampleEfronFormulaAndNoVariation() {
        // leave-one-out means of {0, 0, 0, 4}: 4/3, 4/3, 4/3, 0; u = 1 - jk = -1/3, -1/3, -1/3, 1
        double a = Jackknife.acceleration(new double[] {4.0 / 3, 4.0 / 3, 4.0 / 3, 0});
        double num = 3 * Math.pow(-1.0 / 3, 3) + 1;
        double den = 3 * (1.0 / 9) + 1;
        assertEquals(num / (6 * Math.pow(den, 1.5)), a, 1e-15);
        assertEquals(0.0, Jackknife.acceleration(new double[] {2, 2, 2}), 0.0);
        // one run per task: nothing to leave out
        assertEquals(0.0, Jackknife.acceleration(new double[][] {{1}, {2}, {3}}, Metric.mean()), 0.0);
    }
}
