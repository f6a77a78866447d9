package dev.quiver.pipeline.config;

import dev.quiver.data.sampling.SamplingConfig;
import dev.quiver.data.sampling.SamplingScheme;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One offline candidate of a sequential study: an offline algorithm, how it samples its batches (uniform, or
 * Hong et al.'s return- or advantage-weighted trajectory sampling) and overrides of its configuration. It is
 * trained once per seed of the study.
 *
 * @param label the candidate's name in tables and plots, unique in its task (default: the algorithm, with
 *     {@code +aw} or {@code +rw} for weighted sampling)
 * @param algorithm the offline algorithm's name ({@code bc}, {@code cql}, {@code iql}, {@code td3bc}, {@code riql})
 * @param sampling the batch sampling
 * @param overrides configuration keys (the config record's camelCase field names) and values, applied over the
 *     algorithm's defaults and the study's {@code learn} settings
 * @see <a href="https://arxiv.org/abs/2306.13085">Hong, Z.-W. et al. (2023). Beyond Uniform Sampling: Offline
 *     Reinforcement Learning with Imbalanced Datasets. NeurIPS. arXiv:2306.13085</a> (RW/AW sampling)
 */
public record CandidateSpec(String label, String algorithm, SamplingConfig sampling, Map<String, Object> overrides) {
    /** Copies the overrides. */
    public CandidateSpec {
        overrides = Map.copyOf(overrides);
    }

    /** The default label of {@code algorithm} with {@code scheme}: {@code iql}, {@code iql+aw}, {@code iql+rw}. */
    public static String defaultLabel(String algorithm, SamplingScheme scheme) {
        return scheme == SamplingScheme.UNIFORM ? algorithm : algorithm + "+" + scheme.shortName();
    }

    /** The settings as a JSON-ready map (overrides sorted by key). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("algorithm", algorithm);
        m.put("sampling", sampling.scheme().shortName());
        m.put("temperature", sampling.temperature());
        m.put("config", new java.util.TreeMap<>(overrides));
        return m;
    }
}
