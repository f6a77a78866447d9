package dev.quiver.cli;

import picocli.CommandLine.Command;

/** {@code quiver envs}: list, run and verify environments. */
@Command(name = "envs", mixinStandardHelpOptions = true, description = "List, run and verify environments.",
        subcommands = {EnvsListCommand.class, EnvsRunCommand.class, EnvsVerifyCommand.class})
public final class EnvsCommand {
}
