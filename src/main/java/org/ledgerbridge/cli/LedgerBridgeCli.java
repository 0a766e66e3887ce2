package org.ledgerbridge.cli;

import org.ledgerbridge.storage.LedgerInUseException;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * `ledgerbridge [GLOBAL OPTIONS] COMMAND [ARGS]`: the command-line contract of CONTRACT.md.
 * Exit codes: 0 done, 1 input rejected, 2 usage error, 3 a ledger rule refused, 4 an external
 * system (database, GL target) failed.
 */
@Command(name = "ledgerbridge", mixinStandardHelpOptions = true, version = "LedgerBridge 0.1",
        description = "Imports money data, keeps a balanced subledger per financial entity, delivers journals to the GL.")
public final class LedgerBridgeCli {

    public static final int DONE = 0;
    public static final int REJECTED = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int EXTERNAL_FAILURE = 4;
    /** `serve` returns this: the web server keeps the process alive. */
    public static final int KEEP_RUNNING = -1;

    /** The commands, in the order the usage lists them. */
    private static final List<Class<?>> COMMANDS = List.of(ServeCommand.class, ImportCommand.class, BatchCommand.class,
            ReportCommand.class, CheckCommand.class, DbCommand.class, PeriodCommand.class, GenerateCommand.class, TemplateCommand.class,
            MigrationModeCommand.class, SettingCommand.class, DocumentsCommand.class, ExportCommand.class, ConvertCommand.class,
            GlCommand.class, UserCommand.class, MappingCommand.class, CommandLine.HelpCommand.class);

    @Mixin
    GlobalOptions global;

    Output output;

    /** Set when this command was passed to the process serving the data dir. */
    Passed passed;

    /** Where `--password-stdin` reads from. */
    java.io.InputStream in;

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, System.in, out, err);
    }

    public static int execute(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        return execute(args, in, out, err, null);
    }

    /** A command passed by another process to the one serving the data dir: its folder, environment, and the server's application. */
    record Passed(java.nio.file.Path workingDir, Map<String, String> environment,
                  org.springframework.context.ConfigurableApplicationContext application) {
    }

    static int execute(String[] args, java.io.InputStream in, PrintStream out, PrintStream err, Passed passed) {
        LedgerBridgeCli root = new LedgerBridgeCli();
        root.output = passed == null ? new Output(out, err) : new Output(out, err, "true".equals(passed.environment().get("terminal")));
        root.in = in;
        root.passed = passed;
        CommandLine commandLine = commandLine(root, args);
        if (passed != null) {
            root.global.environment = passed.environment();
            // a relative path is the sender's, not the server's
            commandLine.registerConverter(java.nio.file.Path.class, value -> passed.workingDir().resolve(value));
        }
        commandLine.setExecutionStrategy(parsed -> {
            root.global.command = commandWords(parsed);
            if (passed != null && CommandChannel.RUN_HERE.contains(root.global.command.split(" ")[0])) {
                err.println("error: `" + root.global.command + "` is not run by the server; run it with LEDGERBRIDGE_PASS_COMMANDS=false");
                return USAGE;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof LedgerInUseException || e instanceof DataAccessException) {
                err.println("error: " + e.getMessage());
                return EXTERNAL_FAILURE;
            }
            // a bug or broken infrastructure: the sentence for the operator, the trace in the debug log
            err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            err.println("(run with -Dlogging.level.org.ledgerbridge=DEBUG in LEDGERBRIDGE_JAVA_OPTS for the details)");
            // the logger only now: a command that needs none starts without the logging system (about 0.2 s)
            org.slf4j.LoggerFactory.getLogger(LedgerBridgeCli.class).debug("command failed", e);
            return EXTERNAL_FAILURE;
        });
        return commandLine.execute(args);
    }

    /**
     * The command line over {@code root} with the command {@code args} name, or with every command
     * (for help, or a word that names none): picocli reads a command's annotations when it is
     * added, a quarter of a second for all of them at every start.
     */
    static CommandLine commandLine(LedgerBridgeCli root, String... args) {
        CommandLine commandLine = new CommandLine(root);
        Optional<String> word = CommandChannel.commandWord(args);
        List<Class<?>> named = COMMANDS.stream()
                .filter(command -> word.isPresent() && command.getAnnotation(Command.class).name().equals(word.get()))
                .filter(command -> command != CommandLine.HelpCommand.class).toList();
        (named.isEmpty() ? COMMANDS : named).forEach(commandLine::addSubcommand);
        return commandLine;
    }

    /** The names of the command and its subcommands ("import payments"): never an option or its value. */
    private static String commandWords(CommandLine.ParseResult parsed) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (CommandLine.ParseResult sub = parsed.subcommand(); sub != null; sub = sub.subcommand()) {
            words.add(sub.commandSpec().name());
        }
        return words.isEmpty() ? "ledgerbridge" : String.join(" ", words);
    }

    /** Runs the work against a started ledger and closes it afterwards. */
    int withLedger(Function<LedgerRuntime, Integer> work) {
        try (LedgerRuntime ledger = passed != null ? LedgerRuntime.borrowing(passed.application())
                : LedgerRuntime.start(global, false, Map.of())) {
            return work.apply(ledger);
        }
    }
}
