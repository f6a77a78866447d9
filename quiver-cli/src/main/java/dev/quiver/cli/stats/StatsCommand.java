package dev.quiver.cli.stats;

import dev.quiver.core.error.QuiverUserException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code quiver stats} (being written). */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Aggregate scores with intervals.",
        subcommands = {ProfileCommand.class, PoiCommand.class, HoldoutCommand.class})
public final class StatsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new QuiverUserException("quiver stats is not available yet");
    }
}
