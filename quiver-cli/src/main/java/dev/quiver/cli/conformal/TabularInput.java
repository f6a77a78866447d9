package dev.quiver.cli.conformal;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.uq.data.CqrDataset;
import dev.quiver.uq.data.CsvDatasetReader;
import dev.quiver.uq.data.TabularDataset;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The data options shared by {@code conformal regress|classify|select} and {@code calibrate}: a CSV file or a CQR benchmark. */
final class TabularInput {
    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "CSV file with a header row; every column used must be numeric (for classify the target may"
                    + " hold any labels).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The target column of --data.")
    String target;

    @Option(names = "--features", paramLabel = "A,B,...", split = ",",
            description = "Feature columns of --data (default: every column but the target).")
    List<String> features;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "A CQR benchmark instead of --data: concrete, bio, bike, community or star, with the features"
                    + " CQR's loader builds.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "../shared/data/cqr-datasets",
            description = "Where the CQR benchmark files are (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** A short description of the source, for output. */
    String describe() {
        return dataset != null ? CqrDataset.named(dataset).cliName() : data.toString();
    }

    /** Loads the data set; bad combinations of options are user errors. */
    TabularDataset load(boolean classification) {
        if ((data == null) == (dataset == null)) {
            throw new QuiverUserException("give exactly one of --data FILE.csv (with --target COLUMN) or --dataset NAME");
        }
        if (dataset != null) {
            if (classification) {
                throw new QuiverUserException("--dataset names the CQR regression benchmarks; use --data FILE.csv"
                        + " --target COLUMN for classification");
            }
            if (target != null || features != null) {
                throw new QuiverUserException("--target and --features are for --data; the CQR loader of --dataset "
                        + dataset + " fixes the target and the features");
            }
            return CqrDataset.named(dataset).load(dataDir);
        }
        if (target == null || target.isBlank()) {
            throw new QuiverUserException("--data needs --target COLUMN (the column to predict)");
        }
        return classification ? CsvDatasetReader.classification(data, target, features)
                : CsvDatasetReader.regression(data, target, features);
    }
}
