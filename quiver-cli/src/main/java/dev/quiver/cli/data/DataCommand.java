package dev.quiver.cli.data;

import picocli.CommandLine.Command;

/** {@code quiver data}: record offline-RL datasets and inspect dataset files. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Record offline-RL datasets (Minari directories or D4RL files) and inspect dataset files.",
            "Training runs can record what the agent saw too: quiver train ALGO ... --collect PATH (D4RL's"
                + " medium-replay data)."},
        subcommands = {DataCollectCommand.class, DataInfoCommand.class, DataCorruptCommand.class})
public final class DataCommand {
}
