package dev.quiver.pipeline;

import dev.quiver.pipeline.config.StudyConfig;
import dev.quiver.pipeline.config.StudyParser;
import java.nio.file.Path;

/** Small studies that run in seconds, for the tests. */
final class TinyStudies {
    private TinyStudies() {
    }

    /** CartPole, 12 logged episodes, BC and IQL for 200 steps with one seed, every stage. */
    static final String SEQUENTIAL = """
            study: tiny
            kind: sequential
            seed: 0
            tasks:
              - env: CartPole-v1
                data: {behaviour: scripted, epsilon: 0.3, episodes: 12, eval_fraction: 0.34}
                candidates: [bc, iql]
            learn: {steps: 200, seeds: 1, hidden: [16, 16], batch_size: 64}
            estimate:
              estimators: [fqe, dr, wis, pdis]
              bootstrap: 200
              fqe: {steps: 200, hidden: [16, 16], batch_size: 64}
            verify: {episodes: 4, bootstrap: 200}
            quantify: {method: cqr, episodes: 40, alpha: 0.2}
            """;

    /** Synthetic bandit logs, 2,000 rounds, four candidates. */
    static final String BANDIT = """
            study: tiny-bandit
            kind: bandit
            seed: 0
            data: {source: synthetic, rounds: 2000, actions: 5, context_dim: 3}
            candidates: [logging, uniform, greedy, {kind: linucb, alpha: 0.5}, {kind: lints, draws: 20}]
            estimate: {estimators: [dm, ipw, snipw, dr, sndr], bootstrap: 200}
            verify: {truth_contexts: 5000}
            """;

    static StudyConfig parse(String text) {
        return StudyParser.parse(text, "tiny.yaml", Path.of("."));
    }
}
