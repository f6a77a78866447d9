package dev.quiver.envs.classic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helper: the rows of a Gymnasium reference CSV in ../shared/data, if that folder is present. */
final class ReferenceRows {
    /** One CSV row: t, action, reward, flags, observation and internal state. */
    record Row(String policy, int seed, int t, double action, double reward, boolean terminated, boolean truncated,
            double[] obs, double[] state) {
    }

    private ReferenceRows() {
    }

    static Optional<Path> dataDir() {
        for (String p : new String[] {"../../shared/data", "../shared/data"}) {
            Path d = Path.of(p, "gymnasium-reference");
            if (Files.isDirectory(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    static List<Row> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        int nObs = 0;
        int nState = 0;
        for (String h : header) {
            nObs += h.startsWith("obs_") ? 1 : 0;
            nState += h.startsWith("state_") ? 1 : 0;
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            double[] obs = new double[nObs];
            double[] state = new double[nState];
            for (int j = 0; j < nObs; j++) {
                obs[j] = Double.parseDouble(c[7 + j]);
            }
            for (int j = 0; j < nState; j++) {
                state[j] = Double.parseDouble(c[7 + nObs + j]);
            }
            rows.add(new Row(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]),
                    c[3].isEmpty() ? Double.NaN : Double.parseDouble(c[3]),
                    c[4].isEmpty() ? Double.NaN : Double.parseDouble(c[4]), c[5].equals("1"), c[6].equals("1"), obs,
                    state));
        }
        return rows;
    }
}
