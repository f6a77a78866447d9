package dev.quiver.cli.stats;

import dev.quiver.core.error.QuiverUserException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code quiver stats holdout} (being written). */
@Command(name = "holdout", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class HoldoutCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new QuiverUserException("quiver stats holdout is not available yet");
    }
}
