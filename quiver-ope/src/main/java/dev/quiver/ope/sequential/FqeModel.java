package dev.quiver.ope.sequential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.nn.net.Network;

/**
 * The Q-network {@link FittedQEvaluation} learnt: {@code Q(s, .)} of the evaluation policy for every action,
 * stationary (the step index is ignored), with the input standardisation it was trained with. Owns the
 * network's native memory: close it when done.
 */
public final class FqeModel implements ActionValueFunction, AutoCloseable {
    /** Rows per forward pass when evaluating a whole dataset. */
    private static final int CHUNK = 4096;
    private final Network network;
    private final int obsDim;
    private final int numActions;
    private final float[] mean;
    private final float[] scale;

    FqeModel(Network network, int obsDim, int numActions, float[] mean, float[] scale) {
        this.network = network;
        this.obsDim = obsDim;
        this.numActions = numActions;
        this.mean = mean;
        this.scale = scale;
    }

    @Override
    public int numActions() {
        return numActions;
    }

    /** Floats per observation. */
    public int obsDim() {
        return obsDim;
    }

    @Override
    public void values(float[] observation, int step, double[] out) {
        if (observation.length != obsDim) {
            throw new IllegalArgumentException("observation has " + observation.length + " values, expected " + obsDim);
        }
        float[] x = new float[obsDim];
        normalise(observation, 0, x, 0);
        float[] q = forward(x, 1);
        for (int a = 0; a < numActions; a++) {
            out[a] = q[a];
        }
    }

    @Override
    public double[] stepValues(EpisodeDataset data) {
        checkDim(data);
        double[] out = new double[data.numSteps() * numActions];
        float[] obs = new float[obsDim];
        float[] chunk = new float[CHUNK * obsDim];
        int rows = 0;
        int done = 0;
        for (int i = 0; i < data.numEpisodes(); i++) {
            for (int t = 0; t < data.episodeLength(i); t++) {
                data.observation(i, t, obs);
                normalise(obs, 0, chunk, rows * obsDim);
                if (++rows == CHUNK) {
                    copy(forward(chunk, rows), out, done, rows);
                    done += rows;
                    rows = 0;
                }
            }
        }
        if (rows > 0) {
            copy(forward(java.util.Arrays.copyOf(chunk, rows * obsDim), rows), out, done, rows);
        }
        return out;
    }

    /**
     * Each episode's estimated value from its first observation, {@code sum_a pi_e(a|s_0) Q(s_0, a)}: their mean
     * is the FQE estimate of the evaluation policy's value.
     */
    public double[] initialValues(OffPolicyData data) {
        checkDim(data.dataset());
        int n = data.numEpisodes();
        float[] x = new float[n * obsDim];
        float[] obs = new float[obsDim];
        for (int i = 0; i < n; i++) {
            data.dataset().observation(i, 0, obs);
            normalise(obs, 0, x, i * obsDim);
        }
        float[] q = forward(x, n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = data.evaluationProbabilities(i, 0);
            double s = 0;
            for (int a = 0; a < numActions; a++) {
                s += p[a] * q[i * numActions + a];
            }
            v[i] = s;
        }
        return v;
    }

    /** Writes the standardised {@code src[from .. from + obsDim)} into {@code dst} at {@code to}. */
    void normalise(float[] src, int from, float[] dst, int to) {
        for (int d = 0; d < obsDim; d++) {
            dst[to + d] = (src[from + d] - mean[d]) * scale[d];
        }
    }

    /** The network's outputs for {@code rows} standardised inputs, row-major. */
    private float[] forward(float[] x, int rows) {
        try (NDManager sub = network.manager().newSubManager()) {
            NDArray out = network.forward(sub.create(x, new Shape(rows, obsDim)));
            return out.toFloatArray();
        }
    }

    private void copy(float[] q, double[] out, int fromRow, int rows) {
        for (int k = 0; k < rows * numActions; k++) {
            out[fromRow * numActions + k] = q[k];
        }
    }

    private void checkDim(EpisodeDataset data) {
        if (data.obsDim() != obsDim) {
            throw new IllegalArgumentException("dataset observations have " + data.obsDim() + " values, the model "
                    + obsDim);
        }
    }

    @Override
    public void close() {
        network.close();
    }
}
