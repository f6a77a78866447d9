package dev.quiver.ope.bandit.data;

import dev.quiver.core.error.QuiverUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads one logging policy's logs of one campaign of the Open Bandit Dataset (ZOZOTOWN), the folder
 * {@code {policy}/{campaign}} holding {@code {campaign}.csv} and {@code item_context.csv}.
 *
 * <p>Each row of {@code {campaign}.csv} is one impression: the action is {@code item_id}, the position
 * is {@code position - 1} (slots 1..3 become 0..2), the reward is {@code click} and the propensity is
 * {@code propensity_score}. Featurisation follows Open Bandit Pipeline's {@code
 * OpenBanditDataset.pre_process}: the context is the one-hot encoding of the hashed categorical {@code
 * user_feature_0..3} with the first (lexicographically smallest) category of each dropped ({@code
 * pd.get_dummies(drop_first=True)}); with {@link #read(Path, boolean) includeAffinity} the numeric
 * {@code user-item_affinity_<k>} columns are appended (OBP leaves them out). Action contexts are the
 * label codes (categories sorted) of {@code item_feature_1..3} followed by the numeric {@code
 * item_feature_0}, as OBP. Categories are enumerated per file, so the random and bts copies of a
 * campaign may encode the same user differently: fit reward models within one file.
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline: Towards Realistic and Reproducible Off-Policy Evaluation, arXiv:2008.07146</a>
 */
public final class OpenBanditDataset {
    /** The number of recommendation slots in ZOZOTOWN's widget. */
    public static final int POSITIONS = 3;
    private static final int USER_FEATURES = 4;

    private OpenBanditDataset() {
    }

    /** Reads the folder {@code dir} = {@code .../{policy}/{campaign}} with OBP's featurisation. */
    public static LoggedBanditData read(Path dir) {
        return read(dir, false);
    }

    /**
     * Reads the folder {@code dir} = {@code .../{policy}/{campaign}}.
     *
     * @param includeAffinity whether to append the {@code user-item_affinity_<k>} columns to the context
     * @throws QuiverUserException if a file is missing or a value is malformed (the message names the
     *     file, line and column)
     */
    public static LoggedBanditData read(Path dir, boolean includeAffinity) {
        if (!Files.isDirectory(dir)) {
            throw new QuiverUserException(dir + ": not a folder; expected an Open Bandit Dataset folder"
                    + " {policy}/{campaign} such as open-bandit-dataset/bts/men");
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String campaign = name == null ? "" : name.toString();
        Path logs = dir.resolve(campaign + ".csv");
        if (!Files.isRegularFile(logs)) {
            throw new QuiverUserException(dir + ": no " + campaign + ".csv; an Open Bandit Dataset folder"
                    + " {policy}/{campaign} holds {campaign}.csv and item_context.csv");
        }
        double[][] actionContexts = readItemContext(dir.resolve("item_context.csv"));
        int numActions = actionContexts.length;
        CsvTable t = CsvTable.read(logs, "Open Bandit Dataset logs");
        String what = "the Open Bandit Dataset's columns";
        int cItem = t.require("item_id", what);
        int cPos = t.require("position", what);
        int cClick = t.require("click", what);
        int cProp = t.require("propensity_score", what);
        int[] cUser = new int[USER_FEATURES];
        for (int u = 0; u < USER_FEATURES; u++) {
            cUser[u] = t.require("user_feature_" + u, what);
        }
        int[] cAffinity = new int[includeAffinity ? numActions : 0];
        for (int k = 0; k < cAffinity.length; k++) {
            cAffinity[k] = t.require("user-item_affinity_" + k, what + " (affinity of every item in item_context.csv)");
        }
        List<CsvTable.Row> rows = t.rows();
        int n = rows.size();
        if (n == 0) {
            throw new QuiverUserException(logs + ": no data rows after the header");
        }
        // categories of each user feature, sorted as pandas does; the first is dropped
        List<TreeMap<String, Integer>> dummies = new ArrayList<>();
        int dim = 0;
        for (int u = 0; u < USER_FEATURES; u++) {
            TreeSet<String> cats = new TreeSet<>();
            for (CsvTable.Row row : rows) {
                String v = t.text(row, cUser[u]);
                if (v.isEmpty()) {
                    throw new QuiverUserException(t.where(row, cUser[u]) + ": empty; expected a hashed category");
                }
                cats.add(v);
            }
            TreeMap<String, Integer> index = new TreeMap<>();
            int j = -1;
            for (String c : cats) {
                index.put(c, j < 0 ? -1 : dim + j);
                j++;
            }
            dim += cats.size() - 1;
            dummies.add(index);
        }
        int oneHotDim = dim;
        dim += cAffinity.length;
        double[] x = new double[n * dim];
        int[] a = new int[n];
        int[] k = new int[n];
        double[] r = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = rows.get(i);
            a[i] = t.integer(row, cItem, 0, numActions - 1, "an item id 0.." + (numActions - 1)
                    + " (item_context.csv lists " + numActions + " items)");
            k[i] = t.integer(row, cPos, 1, POSITIONS, "a slot 1, 2 or 3") - 1;
            r[i] = t.integer(row, cClick, 0, 1, "a click 0 or 1");
            p[i] = t.number(row, cProp);
            if (!(p[i] > 0 && p[i] <= 1)) {
                throw new QuiverUserException(t.where(row, cProp) + ": " + p[i] + " is not a probability in (0, 1]");
            }
            for (int u = 0; u < USER_FEATURES; u++) {
                int col = dummies.get(u).get(t.text(row, cUser[u]));
                if (col >= 0) {
                    x[i * dim + col] = 1;
                }
            }
            for (int j = 0; j < cAffinity.length; j++) {
                x[i * dim + oneHotDim + j] = t.number(row, cAffinity[j]);
            }
        }
        return LoggedBanditData.builder(numActions).source(dir.toString()).contexts(x, dim).actions(a)
                .numPositions(POSITIONS).positions(k).rewards(r).propensities(p).actionContexts(actionContexts)
                .build();
    }

    /** OBP's action contexts: label codes of item_feature_1..3, then item_feature_0; one row per item id. */
    static double[][] readItemContext(Path file) {
        String what = "the Open Bandit Dataset's item features";
        CsvTable t = CsvTable.read(file, what);
        int cItem = t.require("item_id", what);
        int cNum = t.require("item_feature_0", what);
        int[] cCat = {t.require("item_feature_1", what), t.require("item_feature_2", what),
            t.require("item_feature_3", what)};
        List<CsvTable.Row> rows = t.rows();
        int items = rows.size();
        if (items == 0) {
            throw new QuiverUserException(file + ": no items after the header");
        }
        List<TreeMap<String, Integer>> codes = new ArrayList<>();
        for (int c : cCat) {
            TreeSet<String> cats = new TreeSet<>();
            for (CsvTable.Row row : rows) {
                cats.add(t.text(row, c));
            }
            TreeMap<String, Integer> m = new TreeMap<>();
            for (String s : cats) {
                m.put(s, m.size());
            }
            codes.add(m);
        }
        double[][] out = new double[items][];
        for (CsvTable.Row row : rows) {
            int id = t.integer(row, cItem, 0, items - 1, "an item id 0.." + (items - 1) + " (one row per item)");
            if (out[id] != null) {
                throw new QuiverUserException(t.where(row, cItem) + ": item " + id + " appears twice");
            }
            double[] v = new double[cCat.length + 1];
            for (int j = 0; j < cCat.length; j++) {
                v[j] = codes.get(j).get(t.text(row, cCat[j]));
            }
            v[cCat.length] = t.number(row, cNum);
            out[id] = v;
        }
        return out;
    }
}
