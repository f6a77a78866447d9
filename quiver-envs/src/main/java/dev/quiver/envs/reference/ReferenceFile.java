package dev.quiver.envs.reference;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed Gymnasium reference CSV: the env it records and its episodes in file order.
 *
 * @param path the file read
 * @param headerLine the 1-based line number of the header
 * @param envId the env id (the file name stem, or the override given to the reader)
 * @param columns each header column's 1-based position, by name
 * @param observationColumns the {@code obs_*} column names, in order
 * @param stateColumns the {@code state_*} column names, in order
 * @param episodes the episodes, in file order
 */
public record ReferenceFile(Path path, int headerLine, String envId, Map<String, Integer> columns, List<String> observationColumns,
        List<String> stateColumns, List<ReferenceEpisode> episodes) {

    /** Copies the collections. */
    public ReferenceFile {
        columns = Map.copyOf(columns);
        observationColumns = List.copyOf(observationColumns);
        stateColumns = List.copyOf(stateColumns);
        episodes = List.copyOf(episodes);
    }

    /** The 1-based position of column {@code name}. */
    public int column(String name) {
        Integer c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column " + name + " in " + path);
        }
        return c;
    }

    /** A user-facing location prefix, {@code file:line:column (column 'name')}. */
    public String where(int line, String columnName) {
        return ReferenceCsv.where(path, line, column(columnName), columnName);
    }
}
