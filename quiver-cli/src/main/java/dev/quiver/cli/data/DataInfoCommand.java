package dev.quiver.cli.data;

import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Space;
import dev.quiver.data.dataset.DatasetStatistics;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.io.D4rlDataset;
import dev.quiver.data.io.D4rlReader;
import dev.quiver.data.io.MinariDataset;
import dev.quiver.data.io.MinariReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quiver data info PATH}: what a Minari dataset directory or a D4RL file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe a dataset: a Minari dataset directory (or its data/ folder) or a D4RL .hdf5 file:"
                + " its spaces, episode and step counts, how episodes end, and the return mean, standard deviation,"
                + " min and max.",
            "A D4RL file without next_observations is read as D4rlReader documents (timeout rows dropped); the"
                + " output says how many rows that left out."})
public final class DataInfoCommand implements Callable<Integer> {
    /** How to read a D4RL file's actions. */
    enum Actions {
        /** Discrete when the file's action_space attribute says so, else continuous. */
        auto,
        /** Integer action numbers stored as floats. */
        discrete,
        /** Float vectors. */
        continuous
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A Minari dataset directory or a D4RL .hdf5 file.")
    Path path;

    @Option(names = "--actions", paramLabel = "auto|discrete|continuous", defaultValue = "auto",
            description = "How to read a D4RL file's actions (default: ${DEFAULT-VALUE}: discrete if the file's"
                    + " action_space attribute says Discrete).")
    Actions actions;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the description as JSON to OUT.")
    Path json;

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            throw new QuiverUserException("PATH " + path + ": not found (expected a Minari dataset directory or a D4RL"
                    + " .hdf5 file)");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "data info");
        doc.put("path", path.toString());
        EpisodeDataset ds;
        Space<?> obs;
        Space<?> act;
        PrintWriter out = spec.commandLine().getOut();
        if (Files.isDirectory(path)) {
            if (actions != Actions.auto) {
                throw new QuiverUserException("--actions is for D4RL files; " + path + " is a Minari directory, whose"
                        + " metadata.json gives the action space");
            }
            MinariDataset m = MinariReader.readDataset(path);
            ds = m.episodes();
            obs = m.metadata().observationSpace();
            act = m.metadata().actionSpace();
            out.println(path + ": Minari dataset '" + m.metadata().datasetId() + "'");
            doc.put("format", "minari");
            doc.put("dataset_id", m.metadata().datasetId());
        } else {
            D4rlDataset d = actions == Actions.auto ? D4rlReader.readDataset(path)
                    : D4rlReader.readDataset(path, actions == Actions.discrete ? D4rlReader.ActionKind.DISCRETE
                            : D4rlReader.ActionKind.CONTINUOUS);
            ds = d.episodes();
            obs = d.observationSpace();
            act = d.actionSpace();
            out.println(path + ": D4RL file, " + d.rows() + " rows" + (d.nextObservationsReconstructed()
                    ? "; no next_observations: taken from the following rows, " + d.droppedRows() + " rows without a"
                            + " known successor left out" : ""));
            doc.put("format", "d4rl");
            doc.put("rows", d.rows());
            doc.put("next_observations_reconstructed", d.nextObservationsReconstructed());
            doc.put("dropped_rows", d.droppedRows());
        }
        String obsText = obs != null ? Format.space(obs) : ds.obsDim() + " floats (no observation_space attribute)";
        String actText = act != null ? Format.space(act) : ds.discrete() ? "discrete (no action_space attribute)"
                : ds.actDim() + " floats (no action_space attribute)";
        int terminated = 0;
        int truncated = 0;
        int cut = 0;
        for (int i = 0; i < ds.numEpisodes(); i++) {
            int last = ds.episodeLength(i) - 1;
            if (ds.terminated(i, last)) {
                terminated++;
            } else if (ds.truncated(i, last)) {
                truncated++;
            } else {
                cut++;
            }
        }
        DatasetStatistics st = DatasetStatistics.of(ds);
        out.println("observation space: " + obsText);
        out.println("action space:      " + actText);
        out.println("episodes: " + ds.numEpisodes() + " (" + terminated + " terminated, " + truncated + " truncated"
                + (cut > 0 ? ", " + cut + " cut" : "") + "), steps: " + ds.numSteps() + ", length mean "
                + Format.num(st.lengthMean()) + ", min " + st.lengthMin() + ", max " + st.lengthMax());
        out.println("return: mean " + Format.num(st.returnMean()) + ", std " + Format.num(st.returnStd()) + ", min "
                + Format.num(st.returnMin()) + ", max " + Format.num(st.returnMax()));
        out.flush();
        if (json != null) {
            doc.put("observation_space", obsText);
            doc.put("action_space", actText);
            doc.put("episodes", ds.numEpisodes());
            doc.put("steps", ds.numSteps());
            doc.put("terminated_episodes", terminated);
            doc.put("truncated_episodes", truncated);
            doc.put("cut_episodes", cut);
            doc.put("length_mean", st.lengthMean());
            doc.put("length_min", st.lengthMin());
            doc.put("length_max", st.lengthMax());
            doc.put("return_mean", st.returnMean());
            doc.put("return_std", st.returnStd());
            doc.put("return_min", st.returnMin());
            doc.put("return_max", st.returnMax());
            Json.writeFile(json, doc);
        }
        return 0;
    }
}
