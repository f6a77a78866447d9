package dev.quiver.eval.aggregate;

/**
 * A user-supplied aggregate: a function from a score matrix {@code [task][run]} to one number.
 *
 * <p>Inside a bootstrap the function is called once per replicate on a reused buffer: it must not
 * keep a reference to the array or its rows, must not modify them, and must be safe to call from
 * several threads at once (a pure function is).
 */
@FunctionalInterface
public interface Aggregate {
    /**
     * The aggregate of {@code scores}.
     *
     * @param scores the matrix indexed {@code [task][run]}; rows may differ in length
     * @return the aggregate value
     */
    double apply(double[][] scores);
}
