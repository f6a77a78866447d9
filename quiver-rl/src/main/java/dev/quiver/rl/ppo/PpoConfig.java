package dev.quiver.rl.ppo;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.agent.ConfigMaps;
import dev.quiver.rl.agent.LearnerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PPO's configuration: an immutable record whose {@link #defaults()} are CleanRL's {@code ppo.py}
 * defaults (for CartPole). Actor and critic are separate MLPs with tanh hidden layers and orthogonal
 * initialisation (hidden gain √2, actor output gain 0.01, critic output gain 1), as in CleanRL.
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 * <tr><td>learningRate</td><td>2.5e-4</td><td>Adam's initial learning rate</td></tr>
 * <tr><td>annealLr</td><td>true</td><td>anneal the learning rate linearly to 0 over the run</td></tr>
 * <tr><td>numEnvs</td><td>4</td><td>env copies stepped in lockstep</td></tr>
 * <tr><td>numSteps</td><td>128</td><td>steps per env copy in each rollout</td></tr>
 * <tr><td>gamma</td><td>0.99</td><td>discount</td></tr>
 * <tr><td>gaeLambda</td><td>0.95</td><td>GAE's λ</td></tr>
 * <tr><td>numMinibatches</td><td>4</td><td>minibatches per epoch (must divide numEnvs · numSteps)</td></tr>
 * <tr><td>updateEpochs</td><td>4</td><td>passes over each rollout</td></tr>
 * <tr><td>normAdv</td><td>true</td><td>normalise advantages per minibatch</td></tr>
 * <tr><td>clipCoef</td><td>0.2</td><td>surrogate clipping ε (also the value clipping range)</td></tr>
 * <tr><td>annealClip</td><td>false</td><td>anneal ε linearly to 0 over the run, as the learning rate (RL Zoo's
 *     {@code clip_range: lin_0.2}; CleanRL keeps it fixed)</td></tr>
 * <tr><td>clipVloss</td><td>true</td><td>clip the value loss around the rollout's values</td></tr>
 * <tr><td>entCoef</td><td>0.01</td><td>entropy bonus coefficient</td></tr>
 * <tr><td>vfCoef</td><td>0.5</td><td>value loss coefficient</td></tr>
 * <tr><td>maxGradNorm</td><td>0.5</td><td>global gradient-norm clipping threshold (0: none)</td></tr>
 * <tr><td>hidden</td><td>[64, 64]</td><td>hidden widths of both the actor and the critic (tanh)</td></tr>
 * </table>
 *
 * <pre>{@code
 * PpoPolicy policy = PpoConfig.defaults().build(env.spec()).learn(env, 500_000, 1, TrainingCallback.NONE);
 * }</pre>
 *
 * <p>Tuned settings live in YAML files keyed by these field names, e.g. {@code configs/ppo/CartPole-v1.yaml}
 * (RL Baselines3 Zoo's CartPole-v1 hyperparameters: 8 envs × 32 steps, one minibatch of 256, 20 epochs,
 * γ 0.98, λ 0.8, no entropy bonus, learning rate and ε both annealed linearly from 1e-3 and 0.2). Note that
 * Stable-Baselines3's value loss is the plain mean squared error where ours (CleanRL's) is half of it, so
 * SB3's {@code vf_coef} {@code c} is our {@code vfCoef} {@code 2c}.
 *
 * @see <a href="https://arxiv.org/abs/1707.06347">Schulman, J. et al. (2017). Proximal Policy Optimization
 *     Algorithms. arXiv:1707.06347</a>
 * @see <a href="https://arxiv.org/abs/2111.08819">Huang, S. et al. (2022). CleanRL. JMLR.
 *     arXiv:2111.08819</a>
 */
public record PpoConfig(double learningRate, boolean annealLr, int numEnvs, int numSteps, double gamma,
        double gaeLambda, int numMinibatches, int updateEpochs, boolean normAdv, double clipCoef, boolean annealClip,
        boolean clipVloss, double entCoef, double vfCoef, double maxGradNorm, List<Integer> hidden)
        implements LearnerConfig<float[], Integer> {
    /** The algorithm's name in config messages. */
    private static final String ALGORITHM = "PPO";


    /** Validates every field; a bad value is a {@link QuiverUserException} naming the field. */
    public PpoConfig {
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "> 0");
        check(numEnvs >= 1, "numEnvs", numEnvs, ">= 1");
        check(numSteps >= 1, "numSteps", numSteps, ">= 1");
        check(gamma >= 0 && gamma <= 1, "gamma", gamma, "in [0, 1]");
        check(gaeLambda >= 0 && gaeLambda <= 1, "gaeLambda", gaeLambda, "in [0, 1]");
        check(numMinibatches >= 1, "numMinibatches", numMinibatches, ">= 1");
        check(updateEpochs >= 1, "updateEpochs", updateEpochs, ">= 1");
        check(clipCoef > 0 && Double.isFinite(clipCoef), "clipCoef", clipCoef, "> 0");
        check(entCoef >= 0 && Double.isFinite(entCoef), "entCoef", entCoef, ">= 0");
        check(vfCoef >= 0 && Double.isFinite(vfCoef), "vfCoef", vfCoef, ">= 0");
        check(maxGradNorm >= 0 && Double.isFinite(maxGradNorm), "maxGradNorm", maxGradNorm, ">= 0 (0: no clipping)");
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new QuiverUserException("PPO config: hidden = " + hidden + " is not allowed; give one or more "
                    + "layer widths >= 1");
        }
        hidden = List.copyOf(hidden);
        if (((long) numEnvs * numSteps) % numMinibatches != 0) {
            throw new QuiverUserException("PPO config: numMinibatches = " + numMinibatches + " is not allowed; it "
                    + "must divide the rollout size numEnvs * numSteps = " + (long) numEnvs * numSteps);
        }
    }

    private static void check(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new QuiverUserException("PPO config: " + key + " = " + value + " is not allowed; it must be "
                    + allowed);
        }
    }

    /** CleanRL's {@code ppo.py} defaults (see the table above). */
    public static PpoConfig defaults() {
        return new PpoConfig(2.5e-4, true, 4, 128, 0.99, 0.95, 4, 4, true, 0.2, false, true, 0.01, 0.5, 0.5,
                List.of(64, 64));
    }

    /** Builds a PPO learner for {@code spec} (float32 Box observations, Discrete actions). */
    @Override
    public Ppo build(EnvSpec spec) {
        return new Ppo(this, spec);
    }

    /** Env steps per rollout: {@code numEnvs · numSteps}. */
    public int batchSize() {
        return numEnvs * numSteps;
    }

    /** Samples per minibatch: {@code batchSize() / numMinibatches}. */
    public int minibatchSize() {
        return batchSize() / numMinibatches;
    }

    /** A copy with another learningRate (Adam's initial learning rate). */
    public PpoConfig withLearningRate(double v) {
        return new PpoConfig(v, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches, updateEpochs, normAdv,
                clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another annealLr (anneal the learning rate linearly to 0 over the run). */
    public PpoConfig withAnnealLr(boolean v) {
        return new PpoConfig(learningRate, v, numEnvs, numSteps, gamma, gaeLambda, numMinibatches, updateEpochs,
                normAdv, clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another numEnvs (env copies stepped in lockstep). */
    public PpoConfig withNumEnvs(int v) {
        return new PpoConfig(learningRate, annealLr, v, numSteps, gamma, gaeLambda, numMinibatches, updateEpochs,
                normAdv, clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another numSteps (steps per env copy in each rollout). */
    public PpoConfig withNumSteps(int v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, v, gamma, gaeLambda, numMinibatches, updateEpochs,
                normAdv, clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another gamma (discount). */
    public PpoConfig withGamma(double v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, v, gaeLambda, numMinibatches, updateEpochs,
                normAdv, clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another gaeLambda (GAE's λ). */
    public PpoConfig withGaeLambda(double v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, v, numMinibatches, updateEpochs,
                normAdv, clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another numMinibatches (minibatches per epoch (must divide numEnvs · numSteps)). */
    public PpoConfig withNumMinibatches(int v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, v, updateEpochs, normAdv,
                clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another updateEpochs (passes over each rollout). */
    public PpoConfig withUpdateEpochs(int v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches, v, normAdv,
                clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another normAdv (normalise advantages per minibatch). */
    public PpoConfig withNormAdv(boolean v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches,
                updateEpochs, v, clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another clipCoef (surrogate clipping ε (also the value clipping range)). */
    public PpoConfig withClipCoef(double v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches,
                updateEpochs, normAdv, v, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another annealClip (anneal the clipping ε linearly to 0 over the run, as the learning rate). */
    public PpoConfig withAnnealClip(boolean v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches,
                updateEpochs, normAdv, clipCoef, v, clipVloss, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another clipVloss (clip the value loss around the rollout's values). */
    public PpoConfig withClipVloss(boolean v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches,
                updateEpochs, normAdv, clipCoef, annealClip, v, entCoef, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another entCoef (entropy bonus coefficient). */
    public PpoConfig withEntCoef(double v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches,
                updateEpochs, normAdv, clipCoef, annealClip, clipVloss, v, vfCoef, maxGradNorm, hidden);
    }

    /** A copy with another vfCoef (value loss coefficient). */
    public PpoConfig withVfCoef(double v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches,
                updateEpochs, normAdv, clipCoef, annealClip, clipVloss, entCoef, v, maxGradNorm, hidden);
    }

    /** A copy with another maxGradNorm (global gradient-norm clipping threshold (0: none)). */
    public PpoConfig withMaxGradNorm(double v) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches,
                updateEpochs, normAdv, clipCoef, annealClip, clipVloss, entCoef, vfCoef, v, hidden);
    }

    /** A copy with other hidden layer widths (actor and critic). */
    public PpoConfig withHidden(Integer... widths) {
        return new PpoConfig(learningRate, annealLr, numEnvs, numSteps, gamma, gaeLambda, numMinibatches,
                updateEpochs, normAdv, clipCoef, annealClip, clipVloss, entCoef, vfCoef, maxGradNorm, List.of(widths));
    }

    /** The configuration as a JSON-ready map (for checkpoints and provenance), keyed by field name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learningRate", learningRate);
        m.put("annealLr", annealLr);
        m.put("numEnvs", numEnvs);
        m.put("numSteps", numSteps);
        m.put("gamma", gamma);
        m.put("gaeLambda", gaeLambda);
        m.put("numMinibatches", numMinibatches);
        m.put("updateEpochs", updateEpochs);
        m.put("normAdv", normAdv);
        m.put("clipCoef", clipCoef);
        m.put("annealClip", annealClip);
        m.put("clipVloss", clipVloss);
        m.put("entCoef", entCoef);
        m.put("vfCoef", vfCoef);
        m.put("maxGradNorm", maxGradNorm);
        m.put("hidden", hidden);
        return m;
    }

    /**
     * Reads a configuration written by {@link #toMap()} (numbers may come back as {@code Double}, as
     * from JSON).
     *
     * @param where where the map came from, for messages (e.g. a checkpoint path)
     * @throws QuiverUserException if a key is missing or has a value of the wrong type
     */
    public static PpoConfig fromMap(Map<String, ?> m, String where) {
        try {
            List<Integer> hidden = ConfigMaps.ints(m, "hidden", ALGORITHM, where);
            return new PpoConfig(ConfigMaps.num(m, "learningRate", ALGORITHM, where).doubleValue(),
                    (Boolean) ConfigMaps.require(m, "annealLr", ALGORITHM, where),
                    ConfigMaps.num(m, "numEnvs", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "numSteps", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "gamma", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "gaeLambda", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "numMinibatches", ALGORITHM, where).intValue(),
                    ConfigMaps.num(m, "updateEpochs", ALGORITHM, where).intValue(),
                    (Boolean) ConfigMaps.require(m, "normAdv", ALGORITHM, where),
                    ConfigMaps.num(m, "clipCoef", ALGORITHM, where).doubleValue(),
                    // absent from checkpoints written before the option existed, which did not anneal
                    m.containsKey("annealClip") ? (Boolean) m.get("annealClip") : false,
                    (Boolean) ConfigMaps.require(m, "clipVloss", ALGORITHM, where),
                    ConfigMaps.num(m, "entCoef", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "vfCoef", ALGORITHM, where).doubleValue(),
                    ConfigMaps.num(m, "maxGradNorm", ALGORITHM, where).doubleValue(),
                    hidden);
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed PPO config " + m + ": " + e.getMessage(), e);
        }
    }
}
