package org.orebook.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the {@code orebook} command line in the test's JVM: its exit code and what it printed. */
public record CliRun(int code, String out, String err) {
  /** Runs {@code orebook ARGS} through {@link Main#execute}, capturing both streams as UTF-8. */
  public static CliRun of(String... args) {
    ByteArrayOutputStream[] streams = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
    int code = Main.execute(args, print(streams[0]), print(streams[1]));
    return new CliRun(code, streams[0].toString(StandardCharsets.UTF_8), streams[1].toString(StandardCharsets.UTF_8));
  }

  private static PrintStream print(ByteArrayOutputStream to) {
    return new PrintStream(to, true, StandardCharsets.UTF_8);
  }
}
