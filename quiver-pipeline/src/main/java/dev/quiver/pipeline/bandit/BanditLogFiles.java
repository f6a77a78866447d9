package dev.quiver.pipeline.bandit;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.SafeTensors;
import dev.quiver.nn.checkpoint.Tensor;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logged bandit feedback and action distributions on disk, as safetensors files (readable from Python with the
 * {@code safetensors} package): tensors {@code contexts} [n, d], {@code actions}, {@code positions} [n],
 * {@code rewards}, {@code propensities} [n], and when present {@code expected_rewards} [n, K] and
 * {@code action_contexts} [K, d_a]; the number of actions and positions and the source in the metadata. An
 * action distribution is one tensor {@code probabilities} [n, K].
 */
public final class BanditLogFiles {
    private BanditLogFiles() {
    }

    /** Writes {@code data} to {@code file} (not atomically: stage folders are moved into place whole). */
    public static void write(Path file, LoggedBanditData data) throws IOException {
        int n = data.size();
        int d = data.contextDim();
        int k = data.numActions();
        double[] x = new double[n * d];
        int[] a = new int[n];
        int[] pos = new int[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.context(i), 0, x, i * d, d);
            a[i] = data.action(i);
            pos[i] = data.position(i);
            p[i] = data.propensity(i);
        }
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("contexts", Tensor.ofDoubles(x, n, d));
        t.put("actions", Tensor.ofInts(a, n));
        t.put("positions", Tensor.ofInts(pos, n));
        t.put("rewards", Tensor.ofDoubles(data.rewards(), n));
        t.put("propensities", Tensor.ofDoubles(p, n));
        if (data.hasExpectedRewards()) {
            t.put("expected_rewards", Tensor.ofDoubles(flatten(data.expectedRewards()), n, k));
        }
        if (data.hasActionContexts()) {
            int da = data.actionContext(0).length;
            double[] ac = new double[k * da];
            for (int j = 0; j < k; j++) {
                System.arraycopy(data.actionContext(j), 0, ac, j * da, da);
            }
            t.put("action_contexts", Tensor.ofDoubles(ac, k, da));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("num_actions", Integer.toString(k));
        meta.put("num_positions", Integer.toString(data.numPositions()));
        meta.put("source", data.source());
        SafeTensors.write(file, t, meta);
    }

    /**
     * Reads logs written by {@link #write(Path, LoggedBanditData)}.
     *
     * @throws QuiverUserException if the file is missing or malformed
     */
    public static LoggedBanditData read(Path file) {
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, Tensor> t = SafeTensors.read(file, meta);
        int k = Integer.parseInt(meta.get("num_actions"));
        Tensor c = t.get("contexts");
        int d = (int) c.shape()[1];
        LoggedBanditData.Builder b = LoggedBanditData.builder(k).source(meta.get("source"))
                .numPositions(Integer.parseInt(meta.get("num_positions"))).contexts(c.doubles(), d)
                .actions(t.get("actions").ints()).positions(t.get("positions").ints())
                .rewards(t.get("rewards").doubles()).propensities(t.get("propensities").doubles());
        if (t.containsKey("expected_rewards")) {
            b.expectedRewards(t.get("expected_rewards").doubles());
        }
        if (t.containsKey("action_contexts")) {
            Tensor ac = t.get("action_contexts");
            int da = (int) ac.shape()[1];
            double[] flat = ac.doubles();
            double[][] rows = new double[k][da];
            for (int j = 0; j < k; j++) {
                System.arraycopy(flat, j * da, rows[j], 0, da);
            }
            b.actionContexts(rows);
        }
        return b.build();
    }

    /** Writes {@code pi} to {@code file}. */
    public static void writeDistribution(Path file, ActionDistribution pi) throws IOException {
        int n = pi.rows();
        int k = pi.numActions();
        double[] flat = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pi.row(i), 0, flat, i * k, k);
        }
        SafeTensors.write(file, Map.of("probabilities", Tensor.ofDoubles(flat, n, k)), Map.of());
    }

    /** Reads a distribution written by {@link #writeDistribution}. */
    public static ActionDistribution readDistribution(Path file) {
        Tensor t = SafeTensors.read(file, null).get("probabilities");
        return ActionDistribution.ofFlat((int) t.shape()[0], (int) t.shape()[1], t.doubles());
    }

    private static double[] flatten(double[][] m) {
        int n = m.length;
        int k = n == 0 ? 0 : m[0].length;
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, out, i * k, k);
        }
        return out;
    }
}
