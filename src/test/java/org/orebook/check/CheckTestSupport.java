package org.orebook.check;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.orebook.cli.Main;

/** Runs {@code orebook check} as a user would and captures what it prints. */
final class CheckTestSupport {
  static final Path SEED = Path.of("examples/published/hecla-2003-ex99.txt");

  record Run(int exit, String out, String err) {}

  private CheckTestSupport() {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String seed() {
    try {
      return Files.readString(SEED, StandardCharsets.US_ASCII);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A copy of the seed with one printed figure changed: on line {@code line} (from 1), the
   * {@code nth} occurrence (from 1) of {@code from} becomes {@code to}, right-aligned in the same
   * width so the columns stay in place.
   */
  static String mutate(String text, int line, String from, int nth, String to) {
    String[] lines = text.split("\n", -1);
    String l = lines[line - 1];
    int at = -1;
    for (int i = 0; i < nth; i++) {
      at = l.indexOf(from, at + 1);
      if (at < 0) {
        throw new IllegalArgumentException("line " + line + " has no " + nth + ". '" + from + "': " + l);
      }
    }
    String padded = to.length() >= from.length() ? to : " ".repeat(from.length() - to.length()) + to;
    int start = at - (padded.length() - from.length());
    lines[line - 1] = l.substring(0, start) + padded + l.substring(at + from.length());
    return String.join("\n", lines);
  }

  /**
   * A copy of a text with the printed digits at {@code offset} (length {@code length}) changed by more
   * than their rounding, in the same width: the first digit goes up by one (a 9 becomes an 8), a dash
   * becomes a 5.
   */
  static String mutateAt(String text, int offset, int length) {
    String digits = text.substring(offset, offset + length);
    char[] c = digits.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (Character.isDigit(c[i])) {
        c[i] = c[i] == '9' ? '8' : (char) (c[i] + 1);
        return text.substring(0, offset) + new String(c) + text.substring(offset + length);
      }
    }
    return text.substring(0, offset) + "5".repeat(Math.min(1, length)) + text.substring(offset + Math.min(1, length));
  }
}
