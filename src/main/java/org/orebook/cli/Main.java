package org.orebook.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code orebook} command: subcommands for each job. Exit codes: 0 ok, 1 failure, 2 bad input. */
@Command(name = "orebook", mixinStandardHelpOptions = true, version = "orebook 0.1.0",
    description = "Metal miners' results releases: produce them from mine-level inputs, keep them in a store with approval and audit, serve them on the web, check published ones.",
    subcommands = {ReleaseCommand.class, CheckCommand.class, ImportCommand.class, LoadCommand.class,
        ApproveCommand.class, AuditCommand.class, UserCommand.class, ServeCommand.class, SynthCommand.class, LedgerCommand.class, GradeTonnageCommand.class,
        BenchCommand.class})
public final class Main implements Runnable {
  /** Exit code for a dataset or argument the user must fix. */
  public static final int BAD_INPUT = 2;

  /**
   * Exit code when the store stayed busy (another load or change held it) longer than the command
   * waits: nothing was written; try again (sysexits' EX_TEMPFAIL).
   */
  public static final int BUSY = 75;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("orebook: " + ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return BAD_INPUT;
    });
    int code = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
    return code;
  }
}
