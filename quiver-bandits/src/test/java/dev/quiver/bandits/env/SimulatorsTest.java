package dev.quiver.bandits.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulators: seeded determinism, exact expected rewards, reward ranges and noise. */
class SimulatorsTest {

    @ParameterizedTest
    @EnumSource(SimulatorConfig.Kind.class)
    void sameSeedSameContextsMeansAndRewards(SimulatorConfig.Kind kind) {
        SimulatorConfig c = SimulatorConfig.of(kind).withArms(5).withDim(6).withSparsity(2);
        BanditEnvironment a = c.build(42);
        BanditEnvironment b = c.build(42);
        BanditEnvironment other = c.build(43);
        boolean differs = false;
        for (int t = 0; t < 50; t++) {
            Context ca = a.next();
            Context cb = b.next();
            Context co = other.next();
            for (int k = 0; k < 5; k++) {
                double m = a.mean(ca, k);
                assertEquals(m, b.mean(cb, k), 0.0);
                assertTrue(m >= a.spec().rewardLow() - 1e-12 && m <= a.spec().rewardHigh() + 1e-12,
                        kind + " mean " + m + " outside " + a.spec());
                assertTrue(a.bestMean(ca) >= m);
                differs |= m != other.mean(co, k);
            }
            assertEquals(a.pull(ca, t % 5), b.pull(cb, t % 5), 0.0);
        }
        assertTrue(differs, "another seed gives another instance");
    }

    @Test
    void contextsDoNotDependOnWhichArmsArePulled() {
        SimulatorConfig c = SimulatorConfig.of(SimulatorConfig.Kind.COSINE);
        BanditEnvironment a = c.build(1);
        BanditEnvironment b = c.build(1);
        for (int t = 0; t < 20; t++) {
            Context ca = a.next();
            Context cb = b.next();
            assertEquals(ca.feature(2, 3), cb.feature(2, 3), 0.0);
            a.pull(ca, 0);
            b.pull(cb, 3);
        }
    }

    @Test
    void rewardFunctionsComputeWhatTheySay() {
        double[] theta = {0.6, 0.8, 0};
        double[] x = {0.0, 1.0, 0.0};
        assertEquals(0.8, new LinearReward(theta).mean(x), 1e-15);
        assertEquals(Math.cos(2.4), new CosineReward(theta, 3).mean(x), 1e-15);
        assertEquals(0.64, new QuadraticReward(theta).mean(x), 1e-15);
        SparseMisspecifiedReward s = new SparseMisspecifiedReward(theta, new double[] {1, 0, 0}, 0.1);
        assertEquals(0.8 + 0.1, s.mean(x), 1e-15); // <x, u> = 0, cos 0 = 1
        double[] y = {0.6, 0.0, 0.8};
        assertTrue(Math.abs(s.eta(y)) <= 0.1);
        assertEquals(0.36 + 0.1 * Math.cos(20 * 0.6), s.mean(y), 1e-15);
    }

    @Test
    void sparseThetaHasTheRequestedSupportAndUnitNorm() {
        var g = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(Seeds.of(5).rng());
        double[] v = UnitVectors.sparse(20, 3, Seeds.of(6).rng(), g);
        int nonZero = 0;
        double n2 = 0;
        for (double e : v) {
            nonZero += e != 0 ? 1 : 0;
            n2 += e * e;
        }
        assertEquals(3, nonZero);
        assertEquals(1.0, n2, 1e-12);
    }

    @Test
    void bernoulliArmsPayTheirMeanOnAverage() {
        MultiArmedSimulator sim = MultiArmedSimulator.bernoulli(new double[] {0.3, 0.7}, Seeds.of(8));
        Context c = sim.next();
        int n = 20000;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += sim.pull(c, 1);
        }
        // sd of the mean sqrt(0.21 / 20000) = 0.0032: 5 sd
        assertEquals(0.7, s / n, 0.016);
        assertEquals(0.7 - 0.3, sim.bestMean(c) - sim.mean(c, 0), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> MultiArmedSimulator.bernoulli(new double[] {0.3, 1.2}, Seeds.of(1)));
    }

    @Test
    void specNormalisesAndGivesOneHotInputsWithoutFeatures() {
        BanditSpec spec = new BanditSpec(3, 0, -1, 1);
        assertEquals(0.75, spec.normalise(0.5), 1e-15);
        assertEquals(1.0, spec.normalise(3), 0.0);
        assertEquals(0.0, spec.normalise(-3), 0.0);
        assertEquals(3, spec.inputDim());
        double[] in = Context.empty(3).copyInput(2, new double[3]);
        assertEquals(1.0, in[2]);
        assertEquals(0.0, in[0]);
        assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.Kind.parse("nope"));
        assertEquals(SimulatorConfig.Kind.COSINE, SimulatorConfig.Kind.parse("nonlinear"));
    }
}
