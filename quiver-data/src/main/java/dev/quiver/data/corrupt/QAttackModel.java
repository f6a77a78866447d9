package dev.quiver.data.corrupt;

/**
 * A pre-trained critic that adversarial corruption attacks: Q values of (observation, action) rows with
 * their gradients, and the value of the critic's own policy with its gradient. quiver-data stays free of
 * neural-network code; an adapter over a trained agent (in quiver-rl) implements this.
 *
 * <p>Arrays are row-major and may be longer than needed (buffers are reused): only the first
 * {@code rows * obsDim()} observation floats, {@code rows * actDim()} action floats and {@code rows} values
 * are read or written. Rows are independent: row {@code i}'s value and gradients depend on row {@code i}'s
 * inputs only. For an ensemble of critics, return one scalar per row; Yang et al. attack the mean over the
 * ensemble ({@code critic(s, a).mean()} in their code).
 *
 * @see PgdAttack
 */
public interface QAttackModel {
    /** Observation length the critic takes. */
    int obsDim();

    /** Continuous action length the critic takes. */
    int actDim();

    /**
     * {@code Q(s_i, a_i)} for each row, with its gradient with respect to the observation and to the action.
     *
     * @param observations {@code rows * obsDim()} floats
     * @param actions {@code rows * actDim()} floats
     * @param values receives {@code Q(s_i, a_i)}
     * @param gradObservations receives {@code ∂Q(s_i, a_i) / ∂s_i} ({@code rows * obsDim()}), or {@code null}
     *     when not needed
     * @param gradActions receives {@code ∂Q(s_i, a_i) / ∂a_i} ({@code rows * actDim()}), or {@code null} when
     *     not needed
     */
    void q(float[] observations, float[] actions, int rows, double[] values, double[] gradObservations,
            double[] gradActions);

    /**
     * {@code V(s_i) = Q(s_i, π(s_i))} for the critic's policy {@code π} (deterministic, or the mean action),
     * with its total gradient {@code dV/ds_i}, through the policy as well as the critic.
     *
     * @param observations {@code rows * obsDim()} floats
     * @param values receives {@code Q(s_i, π(s_i))}
     * @param gradObservations receives {@code dV(s_i) / ds_i} ({@code rows * obsDim()})
     */
    void policyValue(float[] observations, int rows, double[] values, double[] gradObservations);
}
