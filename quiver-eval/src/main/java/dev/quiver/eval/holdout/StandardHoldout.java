package dev.quiver.eval.holdout;

/**
 * The standard (reused) holdout: every query gets the holdout mean as is. Valid for queries chosen
 * before looking at the holdout; an analyst who picks later queries from earlier answers can overfit it
 * (see {@link AdaptiveOverfittingExperiment}).
 *
 * @see <a href="https://doi.org/10.1126/science.aaa9375">Dwork et al. (2015). The reusable holdout:
 *     Preserving validity in adaptive data analysis. Science 349(6248)</a>
 */
public final class StandardHoldout implements Holdout {
    private int queries;

    @Override
    public double answer(double trainValue, double holdoutValue) {
        ReusableHoldout.checkFinite(trainValue, holdoutValue);
        queries++;
        return holdoutValue;
    }

    @Override
    public int queries() {
        return queries;
    }

    @Override
    public String toString() {
        return "StandardHoldout(" + queries + " queries)";
    }
}
