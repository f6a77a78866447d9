package dev.quiver.cli;

import dev.quiver.cli.bandit.BanditCommand;
import dev.quiver.cli.bench.BenchCommand;
import dev.quiver.cli.conformal.CalibrateCommand;
import dev.quiver.cli.conformal.ConformalCommand;
import dev.quiver.cli.data.DataCommand;
import dev.quiver.cli.ope.OpeCommand;
import dev.quiver.cli.stats.StatsCommand;
import dev.quiver.cli.study.DemoCommand;
import dev.quiver.cli.study.RunCommand;
import dev.quiver.cli.train.EvalCommand;
import dev.quiver.cli.train.TrainCommand;
import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code quiver} command: {@code quiver run STUDY.yaml}, {@code quiver demo}, {@code quiver envs
 * list|run|verify|tour}, {@code quiver stats [profile|poi|holdout]}, {@code quiver train}, {@code quiver eval},
 * {@code quiver data collect|info}, {@code quiver ope bandit|synthetic|rl}, {@code quiver bandit simulate|sparse},
 * {@code quiver conformal regress|classify}, {@code quiver bench envs|stats|offline|dataset}.
 *
 * <p>Exit status: 0 on success, 1 when a verification found differences, 2 for a user error (a bad
 * flag, file or value: the message is printed as {@code quiver: error: ...}, with a stack trace only
 * under {@code --verbose}), 70 for an internal error (a bug: always with a stack trace).
 */
@Command(name = "quiver", mixinStandardHelpOptions = true, versionProvider = QuiverCommand.Version.class,
        description = "Quiver: learning decisions from data, and knowing how far to trust them.",
        subcommands = {RunCommand.class, DemoCommand.class, EnvsCommand.class, TrainCommand.class, EvalCommand.class,
            StatsCommand.class, DataCommand.class, OpeCommand.class, BanditCommand.class, ConformalCommand.class,
            CalibrateCommand.class,
            BenchCommand.class},
        footer = {"", "Exit status: 0 ok, 1 verification failed, 2 user error, 70 internal error."})
public final class QuiverCommand {
    /** Exit status of a user error. */
    public static final int EXIT_USER_ERROR = 2;
    /** Exit status of a failed check (e.g. {@code envs verify} found differences). */
    public static final int EXIT_FAILED = 1;
    /** Exit status of an internal error (a bug), as sysexits' EX_SOFTWARE. */
    public static final int EXIT_INTERNAL_ERROR = 70;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with error messages.")
    boolean verbose;

    /** The command line with Quiver's error handling; used by {@link #main} and by tests. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new QuiverCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(QuiverCommand::handleParameterException);
        cl.setExecutionExceptionHandler(QuiverCommand::handleExecutionException);
        return cl;
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    private static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = ex.getMessage();
        if (message != null && message.startsWith("Missing required subcommand") && !cmd.getSubcommands().isEmpty()) {
            message += "; choose one of: " + String.join(", ", cmd.getSubcommands().keySet());
        }
        err.println("quiver: error: " + message);
        if (verbose(cmd.getParseResult(), args)) {
            ex.printStackTrace(err);
        }
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USER_ERROR;
    }

    private static int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        QuiverUserException user = userError(ex);
        if (user != null) {
            err.println("quiver: error: " + user.getMessage());
            if (verbose(parseResult, new String[0])) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_USER_ERROR;
        }
        err.println("quiver: internal error (a bug; please report it with the stack trace): " + ex);
        ex.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }

    /** The user error in {@code t}'s cause chain, if any. */
    static QuiverUserException userError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof QuiverUserException q) {
                return q;
            }
        }
        return null;
    }

    /** Whether {@code --verbose} was given on any command level (or, if parsing failed, anywhere in the args). */
    private static boolean verbose(ParseResult pr, String[] args) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        for (String a : args) {
            if ("--".equals(a)) {
                break;
            }
            if ("--verbose".equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** Reports the version recorded by Maven in the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = "unknown (not run from the jar)";
            try (InputStream in = QuiverCommand.class.getResourceAsStream(
                    "/META-INF/maven/dev.quiver/quiver-cli/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    v = p.getProperty("version", v);
                }
            } catch (IOException e) {
                // keep "unknown"
            }
            return new String[] {"quiver " + v, "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vm.name") + ")"};
        }
    }
}
