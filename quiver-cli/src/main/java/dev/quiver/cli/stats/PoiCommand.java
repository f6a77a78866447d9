package dev.quiver.cli.stats;

import dev.quiver.core.error.QuiverUserException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code quiver stats poi} (being written). */
@Command(name = "poi", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class PoiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new QuiverUserException("quiver stats poi is not available yet");
    }
}
