package dev.quiver.cli.stats;

import dev.quiver.core.error.QuiverUserException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code quiver stats profile} (being written). */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ProfileCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new QuiverUserException("quiver stats profile is not available yet");
    }
}
