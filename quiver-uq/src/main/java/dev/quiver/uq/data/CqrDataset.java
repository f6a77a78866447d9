package dev.quiver.uq.data;

import dev.quiver.core.error.QuiverUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The real-data regression benchmarks shipped with the reference code of conformalized quantile
 * regression, loaded with the features its {@code datasets/datasets.py} builds (see the data folder's
 * README.md): concrete (p = 8), bio / CASP (p = 9), bike (p = 18), community (p = 100), star (p = 39).
 * Values are kept as doubles (the reference casts them to float32).
 *
 * @see <a href="https://arxiv.org/abs/1905.03222">Romano, Patterson and Candès (2019), Conformalized
 *     Quantile Regression, arXiv:1905.03222</a>
 */
public enum CqrDataset {
    /** Concrete compressive strength (UCI): 1030 rows, 8 mixture/age features. */
    CONCRETE("concrete", "Concrete_Data.csv"),
    /** Physicochemical properties of protein tertiary structure (UCI CASP): 45730 rows, target RMSD. */
    BIO("bio", "CASP.csv"),
    /** Kaggle bike-sharing demand (hourly, 2011-2012): 10886 rows, target count. */
    BIKE("bike", "bike_train.csv"),
    /** UCI communities and crime: 1994 rows, target ViolentCrimesPerPop. */
    COMMUNITY("community", "communities.data"),
    /** Tennessee STAR class-size experiment (R package AER): 2161 complete rows, target the sum of 8 test scores. */
    STAR("star", "STAR.csv");

    private final String cliName;
    private final String fileName;

    CqrDataset(String cliName, String fileName) {
        this.cliName = cliName;
        this.fileName = fileName;
    }

    /** The name used by the CQR code and on the command line, e.g. {@code bio}. */
    public String cliName() {
        return cliName;
    }

    /** The main data file's name in the data folder. */
    public String fileName() {
        return fileName;
    }

    /** The data set called {@code name} (case-insensitive), or a user error listing the names. */
    public static CqrDataset named(String name) {
        for (CqrDataset d : values()) {
            if (d.cliName.equalsIgnoreCase(name.trim())) {
                return d;
            }
        }
        throw new QuiverUserException("unknown data set '" + name + "'; the CQR benchmarks are concrete, bio, bike,"
                + " community, star");
    }

    /**
     * Loads the data set from {@code dir} (the folder holding the CQR {@code datasets/} files).
     *
     * @throws QuiverUserException if a file is missing or malformed (the message names file and line)
     */
    public TabularDataset load(Path dir) {
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new QuiverUserException("data set " + cliName + ": " + file + " not found; point --data-dir at the"
                    + " folder with the CQR benchmark files (shared/data/cqr-datasets)");
        }
        return switch (this) {
            case CONCRETE -> CqrLoaders.concrete(file);
            case BIO -> CqrLoaders.bio(file);
            case BIKE -> CqrLoaders.bike(file);
            case COMMUNITY -> CqrLoaders.community(file, dir.resolve("communities_attributes.csv"));
            case STAR -> CqrLoaders.star(file);
        };
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
