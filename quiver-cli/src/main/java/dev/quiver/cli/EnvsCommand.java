package dev.quiver.cli;

import picocli.CommandLine.Command;

/** {@code quiver envs}: list, run, verify and tour environments. */
@Command(name = "envs", mixinStandardHelpOptions = true, description = "List, run, verify and tour environments.",
        subcommands = {EnvsListCommand.class, EnvsRunCommand.class, EnvsVerifyCommand.class, EnvsTourCommand.class})
public final class EnvsCommand {
}
