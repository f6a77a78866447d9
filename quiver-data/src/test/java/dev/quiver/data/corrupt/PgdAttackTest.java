package dev.quiver.data.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.data.corrupt.CorruptionData.Flat;
import dev.quiver.data.dataset.EpisodeDataset;
import org.junit.jupiter.api.Test;

/** The attack against critics whose minimiser over the box is known in closed form. */
class PgdAttackTest {
    private static final double[] U = {1, -2, 0.5};
    private static final double[] V = {-1, 3};
    /** π(s) = A s; A^T v = (-2, 3, -5), so u + A^T v = (-1, 1, -4.5): every sign opposite to u's. */
    private static final double[][] A = {{2, 0, 2}, {0, 1, -1}};

    /** Q(s, a) = u·s + v·a and π(s) = A s (or the first obsDim/actDim entries of them). */
    static QAttackModel linear(int obsDim, int actDim) {
        return new QAttackModel() {
            @Override
            public int obsDim() {
                return obsDim;
            }

            @Override
            public int actDim() {
                return actDim;
            }

            @Override
            public void q(float[] obs, float[] act, int rows, double[] values, double[] gObs, double[] gAct) {
                for (int i = 0; i < rows; i++) {
                    double q = 0;
                    for (int d = 0; d < obsDim; d++) {
                        q += U[d] * obs[i * obsDim + d];
                        if (gObs != null) {
                            gObs[i * obsDim + d] = U[d];
                        }
                    }
                    for (int d = 0; d < actDim; d++) {
                        q += V[d] * act[i * actDim + d];
                        if (gAct != null) {
                            gAct[i * actDim + d] = V[d];
                        }
                    }
                    values[i] = q;
                }
            }

            @Override
            public void policyValue(float[] obs, int rows, double[] values, double[] gObs) {
                for (int i = 0; i < rows; i++) {
                    double q = 0;
                    for (int d = 0; d < obsDim; d++) {
                        q += U[d] * obs[i * obsDim + d];
                        gObs[i * obsDim + d] = U[d];
                    }
                    for (int k = 0; k < actDim; k++) {
                        double a = 0;
                        for (int d = 0; d < obsDim; d++) {
                            a += A[k][d] * obs[i * obsDim + d];
                            gObs[i * obsDim + d] += V[k] * A[k][d];
                        }
                        q += V[k] * a;
                    }
                    values[i] = q;
                }
            }
        };
    }

    @Test
    void quadraticObjectiveReachesTheClippedMinimiser() {
        // f(x) = sum_d (x_d - m_d)^2 with m = x + (0.3 ε σ_0, 2 ε σ_1, -0.7 ε σ_2, 5): the minimiser over the box
        // is δ* = (0.3 ε, ε, -0.7 ε) in standard deviations; dimension 3 has σ = 0 and must stay clean
        int dim = 4;
        int n = 50;
        double eps = 0.8;
        double[] std = {0.5, 2.0, 1.0, 0.0};
        double[] off = {0.3 * eps * 0.5, 2 * eps * 2.0, -0.7 * eps * 1.0, 5};
        float[] clean = new float[n * dim];
        var rng = Seeds.rng(3);
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (float) (rng.nextDouble() * 10 - 5);
        }
        PgdAttack.Objective f = (from, rows, x, values, grad) -> {
            for (int i = 0; i < rows; i++) {
                double v = 0;
                for (int d = 0; d < dim; d++) {
                    double z = x[i * dim + d] - (clean[(from + i) * dim + d] + off[d]);
                    v += z * z;
                    grad[i * dim + d] = 2 * z;
                }
                values[i] = v;
            }
        };
        // 250 steps of 0.01 ε travel 2.5 ε: enough from any start in [-ε, ε]
        PgdConfig cfg = PgdConfig.DEFAULT.withSteps(250).withChunkRows(16);
        PgdAttack.Result r = PgdAttack.minimize(clean, dim, std, eps, cfg, Seeds.rng(9), f);
        double eta = 0.01 * eps;
        double[] target = {0.3 * eps, eps, -0.7 * eps, 0};
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                double x = r.perturbed()[i * dim + d];
                double want = clean[i * dim + d] + target[d] * std[d];
                // signed steps end within one step η of an interior minimiser, exactly on a clipped one
                double tol = d == 1 ? 1e-6 : eta * std[d] * 1.01 + 1e-6;
                assertEquals(want, x, tol, "row " + i + ", dim " + d);
            }
            assertEquals(clean[i * dim + 3], r.perturbed()[i * dim + 3], 0.0, "σ = 0: unchanged");
        }
        assertTrue(r.meanValueAfter() < r.meanValueBefore());
        // chunking does not change anything
        PgdAttack.Result one = PgdAttack.minimize(clean, dim, std, eps, cfg.withChunkRows(1), Seeds.rng(9), f);
        PgdAttack.Result all = PgdAttack.minimize(clean, dim, std, eps, cfg.withChunkRows(1000), Seeds.rng(9), f);
        assertArrayEquals(r.perturbed(), one.perturbed());
        assertArrayEquals(r.perturbed(), all.perturbed());
        assertEquals(r.meanValueAfter(), all.meanValueAfter(), 1e-9);
        // no steps: the uniform start in the box
        PgdAttack.Result start = PgdAttack.minimize(clean, dim, std, eps, cfg.withSteps(0), Seeds.rng(9), f);
        for (int i = 0; i < clean.length; i++) {
            assertTrue(Math.abs(start.perturbed()[i] - clean[i]) <= eps * std[i % dim] + 1e-5);
        }
    }

    @Test
    void adversarialObservationActionAndDynamicsGoToTheKnownCorners() {
        EpisodeDataset data = CorruptionData.continuous(11, 60, 3, 2, 20);
        QAttackModel model = linear(3, 2);
        double eps = 0.6;
        PgdConfig cfg = PgdConfig.DEFAULT.withSteps(250);
        double[] gradV = {-1, 1, -4.5};
        Flat src = Flat.of(data);
        for (CorruptionKind kind : new CorruptionKind[] {CorruptionKind.OBSERVATION, CorruptionKind.ACTION,
            CorruptionKind.DYNAMICS}) {
            CorruptionConfig c = CorruptionConfig.of(kind, CorruptionMode.ADVERSARIAL).withScale(eps).withSeed(4);
            CorruptedDataset out = DataCorruption.corrupt(data, c, model, cfg);
            assertTrue(out.attackValueAfter() < out.attackValueBefore(), kind.toString());
            Flat f = Flat.of(out.dataset());
            double[] sigma = out.noiseScale();
            float[] before = kind == CorruptionKind.OBSERVATION ? src.obs() : kind == CorruptionKind.ACTION ? src.act()
                    : src.next();
            float[] after = kind == CorruptionKind.OBSERVATION ? f.obs() : kind == CorruptionKind.ACTION ? f.act()
                    : f.next();
            double[] grad = kind == CorruptionKind.OBSERVATION ? U : kind == CorruptionKind.ACTION ? V : gradV;
            int dim = sigma.length;
            double drop = 0;
            for (int s = 0; s < data.numSteps(); s++) {
                for (int d = 0; d < dim; d++) {
                    double want = out.isCorrupted(s) ? before[s * dim + d] - eps * sigma[d] * Math.signum(grad[d])
                            : before[s * dim + d];
                    assertEquals(want, after[s * dim + d], 1e-5, kind + " step " + s + " dim " + d);
                    if (out.isCorrupted(s)) {
                        drop += grad[d] * eps * sigma[d] * Math.signum(grad[d]);
                    }
                }
            }
            assertEquals(out.attackValueBefore() - drop / out.numCorrupted(), out.attackValueAfter(), 1e-4);
            // the same corruption in chunks of 7 rows
            assertArrayEquals(after, kind == CorruptionKind.OBSERVATION
                    ? Flat.of(DataCorruption.corrupt(data, c, model, cfg.withChunkRows(7)).dataset()).obs()
                    : kind == CorruptionKind.ACTION
                    ? Flat.of(DataCorruption.corrupt(data, c, model, cfg.withChunkRows(7)).dataset()).act()
                    : Flat.of(DataCorruption.corrupt(data, c, model, cfg.withChunkRows(7)).dataset()).next());
        }
    }

    @Test
    void defaultAttackStaysInTheBoxAndLowersQ() {
        EpisodeDataset data = CorruptionData.continuous(12, 40, 3, 2, 20);
        CorruptionConfig c = CorruptionConfig.of(CorruptionKind.OBSERVATION, CorruptionMode.ADVERSARIAL);
        CorruptedDataset out = DataCorruption.corrupt(data, c, linear(3, 2), PgdConfig.DEFAULT);
        Flat a = Flat.of(data);
        Flat b = Flat.of(out.dataset());
        double[] sigma = out.noiseScale();
        for (int i = 0; i < a.obs().length; i++) {
            assertTrue(Math.abs(a.obs()[i] - b.obs()[i]) <= sigma[i % 3] * (1 + 1e-5));
        }
        assertTrue(out.attackValueAfter() < out.attackValueBefore());
    }

    @Test
    void badCriticsAreReported() {
        EpisodeDataset data = CorruptionData.continuous(13, 10, 3, 2, 10);
        CorruptionConfig c = CorruptionConfig.of(CorruptionKind.ACTION, CorruptionMode.ADVERSARIAL);
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> DataCorruption.corrupt(data, c, linear(3, 1), PgdConfig.DEFAULT));
        assertTrue(e.getMessage().contains("actions of 1"), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> DataCorruption.corrupt(data, c, null, PgdConfig.DEFAULT));
        assertTrue(e.getMessage().contains("give one"), e.getMessage());
        QAttackModel nan = new QAttackModel() {
            @Override
            public int obsDim() {
                return 3;
            }

            @Override
            public int actDim() {
                return 2;
            }

            @Override
            public void q(float[] obs, float[] act, int rows, double[] values, double[] gObs, double[] gAct) {
                for (int i = 0; i < rows; i++) {
                    values[i] = 1;
                    gAct[i * 2] = Double.NaN;
                }
            }

            @Override
            public void policyValue(float[] obs, int rows, double[] values, double[] gObs) {
                throw new AssertionError("not used");
            }
        };
        e = assertThrows(QuiverUserException.class, () -> DataCorruption.corrupt(data, c, nan, PgdConfig.DEFAULT));
        assertTrue(e.getMessage().contains("gradient NaN"), e.getMessage());
        assertThrows(QuiverUserException.class, () -> PgdConfig.DEFAULT.withSteps(-1));
        assertThrows(QuiverUserException.class, () -> PgdConfig.DEFAULT.withStepSize(0));
        assertThrows(QuiverUserException.class, () -> PgdConfig.DEFAULT.withChunkRows(0));
    }
}
