package org.orebook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code orebook} command: subcommands for each job. Exit codes: 0 ok, 1 failure (a check that
 * does not tie, a database that fails), 2 bad input (a file or argument the user must fix). Every
 * run ends with one of them and, on a refusal, a message that names the file; an exception no
 * command expected is reported as an internal error in one line, never as a stack trace.
 */
@Command(name = "orebook", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
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

  /** Widest help text: descriptions wrap at the terminal's width up to this, at 80 columns without a terminal. */
  static final int HELP_WIDTH = 100;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /** The program's version, from the build ({@code version.properties}, written by Maven's resource filtering). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"orebook " + version()};
    }

    static String version() {
      try (InputStream in = Main.class.getResourceAsStream("/org/orebook/version.properties")) {
        Properties p = new Properties();
        if (in != null) {
          p.load(in);
        }
        String v = p.getProperty("version", "");
        return v.isEmpty() || v.startsWith("${") ? "(development build)" : v;
      } catch (IOException e) {
        return "(unknown version)";
      }
    }
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    int code;
    try {
      CommandLine cl = new CommandLine(new Main());
      cl.setOut(o);
      cl.setErr(e);
      everyCommand(cl);
      cl.setExecutionExceptionHandler((ex, line, parsed) -> failed(line.getErr(), line, ex));
      cl.setExitCodeExceptionMapper(ex -> BAD_INPUT);
      cl.setParameterExceptionHandler((ex, a) -> {
        ex.getCommandLine().getErr().println("orebook: " + ex.getMessage());
        ex.getCommandLine().usage(ex.getCommandLine().getErr());
        return BAD_INPUT;
      });
      code = cl.execute(args);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError t) {
      code = failed(e, null, t);
    }
    o.flush();
    e.flush();
    return code;
  }

  /** Every command and subcommand prints the program's version and wraps its help at the terminal's width. */
  private static void everyCommand(CommandLine cl) {
    cl.getCommandSpec().versionProvider(new Version());
    cl.setUsageHelpAutoWidth(true);
    cl.setUsageHelpWidth(HELP_WIDTH);
    for (CommandLine sub : cl.getSubcommands().values()) {
      everyCommand(sub);
    }
  }

  /**
   * An exception a command let through: a file that cannot be read or written is the user's to fix
   * (exit 2, with the file); anything else is an internal error, said in one line (exit 2: the input
   * was not processed).
   */
  static int failed(PrintWriter err, CommandLine line, Throwable t) {
    String command = line == null ? "" : line.getCommandSpec().qualifiedName(" ");
    Throwable cause = t instanceof UncheckedIOException u ? u.getCause() : t;
    if (cause instanceof IOException io) {
      err.println("orebook: " + describe(io));
      err.println("orebook: nothing was written.");
      return BAD_INPUT;
    }
    if (t instanceof OutOfMemoryError) {
      err.println("orebook: " + (command.isEmpty() ? "" : command + ": ") + "the input is too large for the memory given to"
          + " Java (-Xmx); nothing was written.");
      return BAD_INPUT;
    }
    err.println("orebook: internal error" + (command.isEmpty() ? "" : " in '" + command + "'") + " (" + t.getClass().getSimpleName()
        + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage())) + "); nothing was written. Please report it"
        + " with the input that caused it.");
    return BAD_INPUT;
  }

  /** A file error in words, naming the file. */
  static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String what = e instanceof NoSuchFileException ? "no such file or folder"
          : e instanceof AccessDeniedException ? "permission denied"
          : e instanceof NotDirectoryException ? "not a folder"
          : e instanceof DirectoryNotEmptyException ? "folder not empty"
          : e instanceof FileAlreadyExistsException ? "already exists"
          : f.getReason() != null ? f.getReason() : "cannot be used";
      return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + what;
    }
    return e.getMessage() == null ? "a file could not be read or written" : firstLine(e.getMessage());
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String l = nl < 0 ? s : s.substring(0, nl);
    return l.length() > 300 ? l.substring(0, 300) + "..." : l;
  }
}
