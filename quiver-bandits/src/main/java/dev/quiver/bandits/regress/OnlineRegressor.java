package dev.quiver.bandits.regress;

/**
 * An online regression oracle: predicts a target for an input and learns from one labelled example at a
 * time (Foster and Rakhlin 2020's "online regression oracle").
 *
 * @see <a href="https://arxiv.org/abs/2002.04926">Foster, Rakhlin (2020), arXiv:2002.04926</a>
 */
public interface OnlineRegressor {

    /** The prediction for {@code x}. */
    double predict(double[] x);

    /** Learns from the example {@code (x, y)}. */
    void update(double[] x, double y);
}
