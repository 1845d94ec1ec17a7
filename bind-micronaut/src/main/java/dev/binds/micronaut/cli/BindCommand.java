package dev.binds.micronaut.cli;

import dev.binds.BindException;
import dev.binds.Secrets;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.env.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The migration commands of an application's binds, as one parent command: {@code status}, {@code sync},
 * {@code migrate}, {@code validate}, {@code info}, each for every bind or those named with {@code --bind},
 * with {@code --json} for machines. Run it from the application's {@code main} when arguments are given:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     if (args.length > 0) {
 *         System.exit(BindCommand.execute(Application.class, args));   // java -jar app.jar status --bind secondary
 *     }
 *     Micronaut.run(Application.class, args);
 * }
 * }</pre>
 *
 * or mount it under an application's own picocli command ({@code subcommands = BindCommand.class}, with
 * Micronaut's {@code MicronautFactory}). The context is started in the {@value #ENVIRONMENT} environment,
 * in which binds are lazy and not migrated at start-up, so a command connects only to the binds it works
 * on and sees their databases as they are; an application mounting the command itself adds that
 * environment. Exit codes: {@value #OK} done or up to date, {@value #FAILED} a failure, {@value #USAGE} a
 * usage error, {@value #PENDING} ({@code status} only) migrations pending.
 *
 * @since 0.1.0
 */
@Command(name = "binds", mixinStandardHelpOptions = true,
        description = "Migrations of the application's binds.",
        subcommands = {StatusCommand.class, SyncCommand.class, MigrateCommand.class, ValidateCommand.class,
                InfoCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done, or up to date", "1:a failure (the bind and the reason are printed)",
                "2:a usage error", "3:status: migrations are pending"})
@Prototype
public final class BindCommand implements Callable<Integer> {

    /** The environment the commands' application context runs in: {@value}. */
    public static final String ENVIRONMENT = "binds-cli";
    /** Exit code: done, or up to date: {@value}. */
    public static final int OK = 0;
    /** Exit code: a command failed on at least one bind: {@value}. */
    public static final int FAILED = 1;
    /** Exit code: a usage error, such as an unknown bind name: {@value} (picocli's). */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code of {@code status}: migrations are pending on at least one bind, none failed: {@value}. */
    public static final int PENDING = 3;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /**
     * Starts the application's context in the {@value #ENVIRONMENT} environment, runs the command and
     * closes the context.
     *
     * @param application the application's class, whose package and configuration are used
     * @param args        the command and its options, e.g. {@code status --bind secondary}
     * @return the exit code
     */
    public static int execute(Class<?> application, String... args) {
        return execute(ApplicationContext.builder(application), args);
    }

    /**
     * As {@link #execute(Class, String...)}, with a context builder the caller prepared.
     *
     * @param context the builder; the {@value #ENVIRONMENT} environment is added
     * @param args    the command and its options
     * @return the exit code
     */
    public static int execute(ApplicationContextBuilder context, String... args) {
        return execute(context, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int execute(ApplicationContextBuilder builder, PrintWriter out, PrintWriter err, String... args) {
        ApplicationContext context;
        try {
            context = builder.environments(Environment.CLI, ENVIRONMENT).start();
        } catch (RuntimeException e) {
            err.println("binds: the application did not start: " + reason(e));
            err.flush();
            return FAILED;
        }
        try (context) {
            CommandLine commandLine = commandLine(context);
            commandLine.setOut(out);
            commandLine.setErr(err);
            return commandLine.execute(args);
        }
    }

    /**
     * Runs the command in a context the caller started (in the {@value #ENVIRONMENT} environment, so that
     * binds are not migrated before the command runs) and keeps open.
     *
     * @param context the application context
     * @param args    the command and its options
     * @return the exit code
     */
    public static int execute(ApplicationContext context, String... args) {
        return commandLine(context).execute(args);
    }

    /**
     * @param context a started application context (started in the {@value #ENVIRONMENT} environment, so
     *                that binds are not migrated before the command runs)
     * @return the parent command with its subcommands, its objects created by the context
     */
    public static CommandLine commandLine(ApplicationContext context) {
        return new CommandLine(BindCommand.class, new MicronautFactory(context));
    }

    /** The message of the first bind failure in the chain, which names the bind and the property. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException) {
                return t.getMessage();
            }
        }
        return Secrets.maskUrl(e.getMessage());
    }
}
