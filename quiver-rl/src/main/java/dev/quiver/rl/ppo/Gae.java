package dev.quiver.rl.ppo;

/**
 * Generalised advantage estimation over a rollout of {@code numSteps × numEnvs} entries collected from a
 * vector env with Gymnasium's <em>next-step</em> autoreset ({@link dev.quiver.core.vector.VectorEnv}),
 * with Gymnasium's distinction between termination and truncation.
 *
 * <p>Arrays are laid out step-major: entry {@code t · numEnvs + i} is env copy {@code i} at rollout step
 * {@code t}, holding the observation {@code s_t} the step started from, its value {@code V(s_t)}, and what the
 * step returned. Under next-step autoreset, the step after copy {@code i}'s episode ended does not act: it
 * resets the copy (the action is ignored, the reward is 0). That <b>autoreset entry</b> starts from the
 * ended episode's final observation and is not a transition of the MDP, so it gets no advantage
 * ({@code A = 0}, return {@code V(s_t)}) and the caller must leave it out of the loss; its value
 * {@code V(s_t)} is the critic's value of the final observation, which is exactly what a truncation
 * bootstraps from.
 *
 * <p>With {@code δ_t = r_t + γ V_next − V(s_t)} and {@code A_t = δ_t + γλ A_{t+1}}:
 * <ul>
 * <li>after a <b>termination</b> at {@code t}: {@code V_next = 0} and the recursion is cut
 *     ({@code A_t = δ_t});</li>
 * <li>after a <b>truncation</b> (a time limit) at {@code t}: {@code V_next = V(final observation)}, the value
 *     of the following autoreset entry (or {@code lastValues[i]} when {@code t} is the last rollout step, the
 *     copy then still showing the final observation), and the recursion is cut;</li>
 * <li>otherwise {@code V_next = V(s_{t+1})}, and at the last rollout step {@code V_next = lastValues[i]}
 *     (the bootstrap for the unfinished episode).</li>
 * </ul>
 * CleanRL's {@code ppo.py} treats truncation like termination (bootstraps with zero); we follow
 * Gymnasium's semantics, so a time limit does not look like a failure. Returns are
 * {@code A_t + V(s_t)} (the value targets).
 *
 * @see <a href="https://arxiv.org/abs/1506.02438">Schulman, J. et al. (2016). High-Dimensional Continuous
 *     Control Using Generalized Advantage Estimation. ICLR. arXiv:1506.02438</a>
 */
public final class Gae {
    private Gae() {
    }

    /**
     * Computes advantages and returns in place.
     *
     * @param rewards {@code r_t}, length {@code numSteps · numEnvs}
     * @param values {@code V(s_t)}
     * @param terminated whether the entry ended the episode by termination
     * @param truncated whether it ended by truncation (ignored where {@code terminated})
     * @param autoreset whether the entry is an autoreset step (it must follow an entry of the same copy that
     *     ended its episode, and every such entry not at the last step must be followed by one)
     * @param lastValues {@code V} of each copy's observation after the rollout, length {@code numEnvs}
     * @param numEnvs env copies
     * @param gamma discount
     * @param lambda GAE's λ
     * @param advantages output, length {@code numSteps · numEnvs}; 0 at autoreset entries
     * @param returns output {@code A_t + V(s_t)}, same length
     * @throws IllegalArgumentException if the lengths disagree or the autoreset entries are not where
     *     next-step autoreset puts them
     */
    public static void compute(float[] rewards, float[] values, boolean[] terminated, boolean[] truncated,
            boolean[] autoreset, float[] lastValues, int numEnvs, double gamma, double lambda, float[] advantages,
            float[] returns) {
        int n = rewards.length;
        if (numEnvs < 1 || n % numEnvs != 0 || values.length != n || terminated.length != n || truncated.length != n
                || autoreset.length != n || lastValues.length != numEnvs || advantages.length != n
                || returns.length != n) {
            throw new IllegalArgumentException("GAE arrays must all have numSteps * numEnvs entries (lastValues "
                    + "numEnvs), got rewards " + n + ", numEnvs " + numEnvs);
        }
        int numSteps = n / numEnvs;
        for (int i = 0; i < numEnvs; i++) {
            double nextValue = lastValues[i];
            double nextAdvantage = 0;
            for (int t = numSteps - 1; t >= 0; t--) {
                int k = t * numEnvs + i;
                boolean ended = terminated[k] || truncated[k];
                boolean nextIsReset = t + 1 < numSteps && autoreset[k + numEnvs];
                if (t + 1 < numSteps && ended != nextIsReset) {
                    throw new IllegalArgumentException("GAE: copy " + i + " at step " + t + (ended
                            ? " ended its episode but the next entry is not an autoreset step"
                            : " did not end its episode but the next entry is an autoreset step"));
                }
                double v = values[k];
                double advantage;
                if (autoreset[k]) {
                    if (ended) {
                        throw new IllegalArgumentException("GAE: copy " + i + " at step " + t
                                + " is an autoreset step but is flagged terminated or truncated");
                    }
                    advantage = 0;
                } else if (terminated[k]) {
                    advantage = rewards[k] - v;
                } else if (truncated[k]) {
                    advantage = rewards[k] + gamma * nextValue - v;
                } else {
                    advantage = rewards[k] + gamma * nextValue - v + gamma * lambda * nextAdvantage;
                }
                advantages[k] = (float) advantage;
                returns[k] = (float) (advantage + v);
                nextAdvantage = advantage;
                nextValue = v;
            }
        }
    }
}
