package dev.quiver.pipeline.config;

import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.StudyKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed study file: its name, kind, root seed, the stages to run and the kind's body (exactly one of
 * {@link #sequential()} and {@link #bandit()} is non-null). Read one with {@link StudyParser}.
 *
 * @param name the study's name ({@code [A-Za-z0-9._-]}), the prefix of its run folders
 * @param kind sequential or bandit
 * @param seed the root seed: every random stream of the study is a named child of it
 * @param stages the stages to run (data is always run; report always); a stage left out is skipped with a note
 * @param source where the study came from, for the report (a file name or {@code demo:NAME})
 * @param sequential the body of a sequential study, else null
 * @param bandit the body of a bandit study, else null
 */
public record StudyConfig(String name, StudyKind kind, long seed, Set<Stage> stages, String source,
        SequentialStudy sequential, BanditStudy bandit) {
    /** Copies the set. */
    public StudyConfig {
        stages = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
    }

    /** Whether {@code s} is run. */
    public boolean runs(Stage s) {
        return stages.contains(s);
    }

    /** The same with the bandit body replaced. */
    public StudyConfig withBandit(BanditStudy b) {
        return new StudyConfig(name, kind, seed, stages, source, sequential, b);
    }

    /** The settings as a JSON-ready map (what the stage hashes and results.json are made from). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", name);
        m.put("kind", kind.key());
        m.put("seed", seed);
        List<String> s = new ArrayList<>();
        for (Stage st : Stage.values()) {
            if (stages.contains(st)) {
                s.add(st.key());
            }
        }
        m.put("stages", s);
        if (sequential != null) {
            m.putAll(sequential.toMap());
        }
        if (bandit != null) {
            m.putAll(bandit.toMap());
        }
        return m;
    }
}
