package dev.quiver.rl.offline;

import dev.quiver.core.error.QuiverUserException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The normalised score {@code 100 · (R − R_random) / (R_expert − R_random)} of offline RL (D4RL's
 * {@code get_normalized_score} × 100): 0 is a uniformly random policy, 100 an expert. Reference returns are
 * kept per env id (the version suffix is ignored for the D4RL locomotion families) in a small table:
 *
 * <table>
 * <caption>Reference returns</caption>
 * <tr><th>env</th><th>random</th><th>expert</th><th>where from</th></tr>
 * <tr><td>CartPole-v1</td><td>23.78</td><td>500</td><td>random: Quiver's {@code RandomPolicy} (seed 0), 100
 *   episodes reset with seeds 0..99 (95% interval [21.4, 26.4]; Gymnasium's commonly quoted ≈ 22); expert: the
 *   maximum return (500-step limit), reached by a hand-written controller in every episode</td></tr>
 * <tr><td>Pendulum-v1</td><td>−1212</td><td>−147.0</td><td>random: as above (interval [−1268, −1157]); expert:
 *   an energy-pumping swing-up with a PD controller near the top (the tests' scripted controller), episodes
 *   0..99 (interval [−163.5, −130.9]); SAC reaches about −150</td></tr>
 * <tr><td>MountainCarContinuous-v0</td><td>−33.22</td><td>89.36</td><td>random: as above (interval [−33.42,
 *   −33.02]); expert: full force along the velocity, episodes 0..99 (interval [89.33, 89.38])</td></tr>
 * <tr><td>halfcheetah, hopper, walker2d (any version)</td><td>−280.178953, −20.272305, 1.629008</td>
 *   <td>12135.0, 3234.3, 4592.3</td><td>D4RL's {@code REF_MIN_SCORE} / {@code REF_MAX_SCORE}
 *   ({@code d4rl/infos.py}), the references of every D4RL locomotion result</td></tr>
 * </table>
 *
 * @see <a href="https://arxiv.org/abs/2004.07219">Fu, J. et al. (2020). D4RL: Datasets for Deep Data-Driven
 *     Reinforcement Learning. arXiv:2004.07219</a>
 */
public final class NormalisedScore {
    /**
     * The reference returns of one env.
     *
     * @param envId the env id (or D4RL family) they belong to
     * @param random the mean return of a uniformly random policy
     * @param expert the mean return of an expert policy
     * @param source where the two numbers come from
     */
    public record Reference(String envId, double random, double expert, String source) {
        /** {@code 100 · (r − random) / (expert − random)}. */
        public double score(double r) {
            return 100 * (r - random) / (expert - random);
        }
    }

    private static final Map<String, Reference> TABLE = new LinkedHashMap<>();

    static {
        String ours = "Quiver: RandomPolicy and a scripted expert, episodes reset with seeds 0..99";
        add(new Reference("CartPole-v1", 23.78, 500, ours));
        add(new Reference("Pendulum-v1", -1212, -147.0, ours));
        add(new Reference("MountainCarContinuous-v0", -33.22, 89.36, ours));
        String d4rl = "D4RL REF_MIN_SCORE / REF_MAX_SCORE (d4rl/infos.py)";
        add(new Reference("halfcheetah", -280.178953, 12135.0, d4rl));
        add(new Reference("hopper", -20.272305, 3234.3, d4rl));
        add(new Reference("walker2d", 1.629008, 4592.3, d4rl));
    }

    private NormalisedScore() {
    }

    private static void add(Reference r) {
        TABLE.put(r.envId(), r);
    }

    /**
     * The reference returns of {@code envId}: an exact id of the table, or for the D4RL locomotion families
     * any id whose name before {@code -v} is the family's (e.g. {@code Hopper-v4}, {@code hopper-medium-v2}).
     */
    public static Optional<Reference> reference(String envId) {
        Reference r = TABLE.get(envId);
        if (r != null) {
            return Optional.of(r);
        }
        String family = envId.toLowerCase(Locale.ROOT).split("-")[0];
        Reference f = TABLE.get(family);
        return f != null && !f.envId().contains("-") ? Optional.of(f) : Optional.empty();
    }

    /**
     * The normalised score of mean return {@code meanReturn} on {@code envId}.
     *
     * @throws QuiverUserException if the table has no references for the env (the message lists those it has)
     */
    public static double of(String envId, double meanReturn) {
        return reference(envId).orElseThrow(() -> new QuiverUserException("no reference returns for env '" + envId
                + "' to normalise a score with; known: " + String.join(", ", TABLE.keySet()))).score(meanReturn);
    }

    /** The table, in a fixed order. */
    public static Map<String, Reference> table() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }
}
