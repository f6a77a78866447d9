package dev.quiver.envs.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Step;
import dev.quiver.core.seed.Seeds;
import dev.quiver.envs.toytext.CliffWalking;
import dev.quiver.envs.toytext.FrozenLake;
import dev.quiver.envs.toytext.Taxi;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {

    @Test
    void uniformPolicyOnSlipperyFrozenLakeMatchesMonteCarlo() {
        FrozenLake env = new FrozenLake();
        TabularPolicy uniform = TabularPolicy.uniform(16, 4, Seeds.rng(77L));
        double[] v = PolicyEvaluation.evaluate(env, uniform.table(), 1.0, 1e-13);
        double[] exact = PolicyEvaluation.evaluateExact(env, uniform.table(), 1.0);
        assertArrayEquals(exact, v, 1e-10);
        assertArrayEquals(v, PolicyEvaluation.evaluate(env, uniform, 1.0, 1e-13), 0.0);
        double expected = PolicyEvaluation.expectedReturn(env, v);
        assertEquals(v[0], expected, 0.0);
        assertTrue(expected > 0.005 && expected < 0.05, "uniform success probability " + expected);

        int episodes = 40_000;
        double sum = 0;
        double sumSq = 0;
        env.reset(2025L);
        for (int e = 0; e < episodes; e++) {
            int s = env.reset().observation();
            double ret = 0;
            while (true) {
                Step<Integer> st = env.step(uniform.act(s));
                ret += st.reward();
                s = st.observation();
                if (st.terminated()) {
                    break;
                }
            }
            sum += ret;
            sumSq += ret * ret;
        }
        double mean = sum / episodes;
        double se = Math.sqrt((sumSq / episodes - mean * mean) / (episodes - 1));
        assertEquals(expected, mean, 4 * se, "exact " + expected + " vs Monte Carlo " + mean + " +- " + se);
    }

    @Test
    void discountedEvaluationAgreesWithTheLinearSolve() {
        Taxi env = new Taxi(true, false);
        double[][] pi = TabularPolicy.uniform(500, 6).table();
        double[] iterative = PolicyEvaluation.evaluate(env, pi, 0.95, 1e-12);
        double[] exact = PolicyEvaluation.evaluateExact(env, pi, 0.95);
        assertArrayEquals(exact, iterative, 1e-9);
        // Every reward of a non-delivering step is -1 or -10, so values are bounded as the geometric series says.
        for (double x : exact) {
            assertTrue(x <= 20.0 && x >= -10.0 / 0.05, "value " + x);
        }
    }

    @Test
    void greedyPolicyOfValueIterationHasTheOptimalValue() {
        CliffWalking env = new CliffWalking(true);
        TabularSolution sol = ValueIteration.solve(env, 0.99, 1e-12);
        double[] v = PolicyEvaluation.evaluate(env, sol.greedyPolicy(), 0.99, 1e-12);
        assertArrayEquals(sol.values(), v, 1e-8);
    }

    @Test
    void improperPolicyAtGammaOneThrows() {
        // Always UP on CliffWalking never reaches the goal: -1 per step forever.
        CliffWalking env = new CliffWalking();
        int[] up = new int[48];
        double[][] pi = TabularPolicy.greedy(up, 4).table();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolicyEvaluation.evaluate(env, pi, 1.0, 1e-9, 10_000));
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
        IllegalArgumentException singular = assertThrows(IllegalArgumentException.class,
                () -> PolicyEvaluation.evaluateExact(env, pi, 1.0));
        assertTrue(singular.getMessage().contains("singular"), singular.getMessage());
        // Discounted, the same policy has value -1 / (1 - gamma) everywhere off the goal row's end.
        double[] v = PolicyEvaluation.evaluateExact(env, pi, 0.9);
        assertEquals(-10.0, v[CliffWalking.START], 1e-9);
    }

    @Test
    void badPolicyTablesThrow() {
        FrozenLake env = new FrozenLake();
        double[][] shortTable = new double[15][4];
        assertThrows(IllegalArgumentException.class, () -> PolicyEvaluation.evaluate(env, shortTable, 0.9, 1e-9));
        double[][] notNormalised = TabularPolicy.uniform(16, 4).table();
        notNormalised[3][0] = 0.5;
        assertThrows(IllegalArgumentException.class, () -> PolicyEvaluation.evaluate(env, notNormalised, 0.9, 1e-9));
        double[][] negative = TabularPolicy.uniform(16, 4).table();
        negative[3] = new double[] {1.5, -0.5, 0, 0};
        assertThrows(IllegalArgumentException.class, () -> PolicyEvaluation.evaluateExact(env, negative, 0.9));
        assertThrows(IllegalArgumentException.class, () -> PolicyEvaluation.expectedReturn(env, new double[3]));
    }

    @Test
    void finiteHorizonValuesMatchTimeLimitedMonteCarloAndTheLimit() {
        FrozenLake env = new FrozenLake("8x8", true);
        double[][] uniform = TabularPolicy.uniform(64, 4).table();
        assertArrayEquals(new double[64], PolicyEvaluation.evaluateFiniteHorizon(env, uniform, 0), 0.0);
        double[] infinite = PolicyEvaluation.evaluateExact(env, uniform, 1.0);
        double[] longRun = PolicyEvaluation.evaluateFiniteHorizon(env, uniform, 20_000);
        assertArrayEquals(infinite, longRun, 1e-9);
        // with Gymnasium's 200-step limit the value is strictly below the untruncated one
        double[] limited = PolicyEvaluation.evaluateFiniteHorizon(env, uniform, 200);
        double exact = PolicyEvaluation.expectedReturn(env, limited);
        assertTrue(exact < PolicyEvaluation.expectedReturn(env, infinite));
        // Monte Carlo through the registry's TimeLimit(200): the exact value lies within 4 standard errors
        dev.quiver.core.env.Env<Integer, Integer> limitedEnv = dev.quiver.core.registry.Envs.make("FrozenLake8x8-v1");
        org.apache.commons.rng.UniformRandomProvider rng = Seeds.rng(5);
        int episodes = 40_000;
        double sum = 0;
        limitedEnv.reset(99L);
        for (int e = 0; e < episodes; e++) {
            limitedEnv.reset();
            Step<Integer> st;
            do {
                st = limitedEnv.step(rng.nextInt(4));
                sum += st.reward();
            } while (!st.done());
        }
        double p = sum / episodes;
        double se = Math.sqrt(Math.max(p * (1 - p), 1e-6) / episodes);
        assertEquals(exact, p, 4 * se, "exact " + exact + " vs Monte Carlo " + p);
        assertThrows(IllegalArgumentException.class, () -> PolicyEvaluation.evaluateFiniteHorizon(env, uniform, -1));
    }
}
