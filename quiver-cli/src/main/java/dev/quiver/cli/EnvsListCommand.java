package dev.quiver.cli;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.registry.EnvRegistration;
import dev.quiver.core.registry.Envs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quiver envs list}: the registered environments. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the registered environments: id, observation and action spaces, time limit and the"
                + " return at which each counts as solved.")
public final class EnvsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the list as JSON to OUT.")
    Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Table table = new Table("id", "observation space", "action space", ">max steps", ">reward threshold",
                "description");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EnvRegistration reg : Envs.all()) {
            EnvSpec s;
            try (Env<?, ?> env = Envs.make(reg.id())) {
                s = env.spec();
            }
            String steps = s.maxEpisodeSteps().isPresent() ? Integer.toString(s.maxEpisodeSteps().getAsInt()) : "-";
            String threshold = reg.rewardThreshold().isPresent() ? Format.trimmed(reg.rewardThreshold().getAsDouble()) : "-";
            table.row(reg.id(), Format.space(s.observationSpace()), Format.space(s.actionSpace()), steps, threshold,
                    reg.description() == null ? "" : reg.description());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", reg.id());
            m.put("observation_space", String.valueOf(s.observationSpace()));
            m.put("action_space", String.valueOf(s.actionSpace()));
            m.put("max_episode_steps", s.maxEpisodeSteps().isPresent() ? s.maxEpisodeSteps().getAsInt() : null);
            m.put("reward_threshold", reg.rewardThreshold().isPresent() ? reg.rewardThreshold().getAsDouble() : null);
            m.put("description", reg.description());
            rows.add(m);
        }
        table.print(out);
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "envs list");
            doc.put("envs", rows);
            Json.writeFile(json, doc);
        }
        return 0;
    }
}
