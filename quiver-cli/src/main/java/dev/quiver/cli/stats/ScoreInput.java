package dev.quiver.cli.stats;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.eval.scores.ReferenceScores;
import dev.quiver.eval.scores.ScoreTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The score-table options shared by the {@code quiver stats} commands: file, normalisation, run subset. */
public final class ScoreInput {
    @Option(names = "--scores", paramLabel = "FILE.csv",
            description = "Required. Per-run scores: a header with columns algorithm,game,run,score (extra columns ignored;"
                    + " 'task' accepted for 'game').")
    Path scores;

    @Option(names = "--reference", paramLabel = "REF.csv",
            description = "Reference scores game,random,human (or game,min,max): scores are normalised as"
                    + " (score - random) / (human - random). Without it, raw scores are used.")
    Path reference;

    @Option(names = "--runs", paramLabel = "K",
            description = "Use only the first K runs of every task (rliable's Atari 100k figure uses 10).")
    Integer runs;

    @Option(names = "--algorithms", paramLabel = "A,B", split = ",",
            description = "Only these algorithms, in this order (default: all, in file order).")
    List<String> algorithms = new ArrayList<>();

    /** Reads, subsets and normalises the table; errors name the file, line and value. */
    public ScoreTable load() {
        if (scores == null) {
            throw new QuiverUserException("missing --scores FILE.csv (per-run scores with columns algorithm,game,run,score)");
        }
        ScoreTable table = ScoreTable.readCsv(scores);
        if (!algorithms.isEmpty()) {
            for (String a : algorithms) {
                if (!table.algorithms().contains(a)) {
                    throw new QuiverUserException("--algorithms: '" + a + "' is not in " + scores + "; it has: "
                            + String.join(", ", table.algorithms()));
                }
            }
            table = table.select(algorithms.toArray(String[]::new));
        }
        if (runs != null) {
            if (runs < 1) {
                throw new QuiverUserException("--runs must be at least 1, got " + runs);
            }
            table = table.subsetRuns(runs);
        }
        if (reference != null) {
            table = table.normalized(ReferenceScores.readCsv(reference));
        }
        return table;
    }

    /** Whether the scores are normalised by reference scores. */
    public boolean normalised() {
        return reference != null;
    }
}
