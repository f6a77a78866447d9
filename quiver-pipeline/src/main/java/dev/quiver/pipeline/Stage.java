package dev.quiver.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stages of a study, in the order they run: each reads what the earlier ones wrote. {@link #DATA}
 * collects or reads the logs and splits them by episode; {@link #LEARN} trains the candidate policies on the
 * training logs; {@link #ESTIMATE} evaluates every candidate off-policy on the held-out logs and ranks them;
 * {@link #VERIFY} checks the candidates online (or against a known truth) and measures how well the ranking
 * did; {@link #QUANTIFY} gives a conformal prediction interval for the selected policy's episode return;
 * {@link #REPORT} writes the run folder (report, JSON, CSV, checkpoints).
 */
public enum Stage {
    /** Collect or read the logged data and split it into training and evaluation logs. */
    DATA,
    /** Train the candidate policies on the training logs. */
    LEARN,
    /** Off-policy evaluation of every candidate on the evaluation logs, and the selection. */
    ESTIMATE,
    /** Online evaluation (or the known truth) of every candidate, and how well OPE ranked them. */
    VERIFY,
    /** A conformal prediction interval for the selected policy's episode return. */
    QUANTIFY,
    /** The run folder: report.html, results.json, CSV logs, checkpoints. */
    REPORT;

    /** The name used in study files and on the command line, e.g. {@code learn}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every stage's {@link #key()}, in order. */
    public static List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Stage s : values()) {
            out.add(s.key());
        }
        return out;
    }

    /** The stage called {@code key} (case-insensitive), or null. */
    public static Stage byKey(String key) {
        for (Stage s : values()) {
            if (s.key().equalsIgnoreCase(key.trim())) {
                return s;
            }
        }
        return null;
    }
}
