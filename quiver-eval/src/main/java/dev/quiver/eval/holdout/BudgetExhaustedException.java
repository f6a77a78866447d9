package dev.quiver.eval.holdout;

/**
 * Thrown by {@link ReusableHoldout} for a query made after its budget of over-threshold answers is used up
 * (the pseudo-code's output {@code ⊥}): the holdout can no longer answer without losing its guarantee.
 */
public final class BudgetExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying how the budget was spent. */
    public BudgetExhaustedException(String message) {
        super(message);
    }
}
