package org.orebook.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test utility: the numbers printed in plain-text fixed-width tables as SEC EDGAR exhibits print
 * them (and as {@code TextRenderer} prints a release), so a produced release can be compared with
 * a published one number by number.
 *
 * <p><b>Table mode</b> ({@link #tableNumbers}): a line, right-trimmed, is split into segments at
 * runs of two or more spaces. Its <i>value region</i> is the longest run of trailing segments
 * that each consist only of numeric tokens separated by single spaces; everything before it is
 * the label. Numeric tokens are {@code $} (ignored), {@code -} and {@code --} (an empty cell,
 * ignored), and numbers: {@code 31,630}, {@code $31,630}, {@code (1,007)} (negative),
 * {@code (0.07)}, {@code 0.651}, {@code -12.5}. A line with an empty label whose numbers are all
 * four-digit years 1900..2100 is a column header and gives no numbers; so does a line with an
 * empty label whose only token is a one-digit footnote marker such as {@code (2)} (the wrapped
 * end of a label, never a figure).
 *
 * <p><b>All-numbers mode</b> ({@link #allNumbers}): every whitespace-separated token of every
 * line that is a number once trailing punctuation ({@code , ; : .}) is removed
 * ({@code "Sold forward: 48,928 gold ounces @ average price of $288"} gives 48928 and 288;
 * {@code "As of December 31, 2003"} gives 31 and 2003).
 *
 * <p>Numbers are returned as normalized printed strings that keep the printed scale:
 * {@code "(1,007)"} gives {@code "-1007"}, {@code "0.650"} gives {@code "0.650"} (not
 * {@code "0.65"}), {@code "$31,630"} gives {@code "31630"}.
 */
final class PrintedNumbers {
  private PrintedNumbers() {}

  private static final Pattern SEGMENT_SPLIT = Pattern.compile(" {2,}");
  /** A printed number: optional $ and minus, optional parentheses, grouped or plain digits, decimals. */
  private static final Pattern NUMBER = Pattern.compile(
      "\\$?(?<open>\\()?\\$?(?<minus>-)?(?<digits>\\d{1,3}(?:,\\d{3})+|\\d+)(?<frac>\\.\\d+)?(?<close>\\))?");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d|2100");
  private static final Pattern FOOTNOTE_MARKER = Pattern.compile("\\(\\d\\)");

  // ------------------------------------------------------------------ tokens

  /** What a token of a table line is. */
  sealed interface Token permits Num, EmptyCell, Other {}

  /** A printed number and its normalized text ("-1007", "0.651"). */
  record Num(String printed, String normalized) implements Token {}

  /** {@code $}, {@code -} or {@code --}: part of a value region, but no number. */
  record EmptyCell(String printed) implements Token {}

  /** Any other text. */
  record Other(String printed) implements Token {}

  /** Classifies one whitespace-free token. */
  static Token token(String t) {
    if (t.equals("$") || t.equals("-") || t.equals("--")) {
      return new EmptyCell(t);
    }
    return normalize(t).<Token>map(n -> new Num(t, n)).orElseGet(() -> new Other(t));
  }

  /** The normalized printed number of a token, or empty when the token is not a number. */
  static Optional<String> normalize(String token) {
    Matcher m = NUMBER.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    boolean open = m.group("open") != null;
    boolean close = m.group("close") != null;
    if (open != close) {
      return Optional.empty();
    }
    if (open && m.group("minus") != null) {
      return Optional.empty();
    }
    String digits = m.group("digits").replace(",", "") + (m.group("frac") == null ? "" : m.group("frac"));
    BigDecimal v = new BigDecimal(digits);
    if (open || m.group("minus") != null) {
      v = v.negate();
    }
    return Optional.of(v.toPlainString());
  }

  // ------------------------------------------------------------------ rows of a table

  /** One line read as a table row: its label (trimmed, may be empty), its value tokens and numbers. */
  record Line(String label, int indent, boolean hasValueRegion, List<String> numbers) {}

  /** Reads one line in table mode. */
  static Line line(String raw) {
    String text = raw.replace('\t', ' ').stripTrailing();
    String body = text.stripLeading();
    int indent = text.length() - body.length();
    if (body.isEmpty()) {
      return new Line("", indent, false, List.of());
    }
    String[] segments = SEGMENT_SPLIT.split(body);
    int first = segments.length;
    while (first > 0 && numericSegment(segments[first - 1])) {
      first--;
    }
    String label = String.join("  ", java.util.Arrays.copyOfRange(segments, 0, first)).trim();
    if (first == segments.length) {
      return new Line(label, indent, false, List.of());
    }
    List<String> tokens = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (int i = first; i < segments.length; i++) {
      for (String t : segments[i].split(" ")) {
        tokens.add(t);
        if (token(t) instanceof Num n) {
          numbers.add(n.normalized());
        }
      }
    }
    if (label.isEmpty()) {
      List<String> printed = tokens.stream().filter(t -> token(t) instanceof Num).toList();
      boolean header = !printed.isEmpty() && printed.stream().allMatch(t -> YEAR.matcher(t).matches());
      boolean marker = tokens.size() == 1 && FOOTNOTE_MARKER.matcher(tokens.get(0)).matches();
      if (header || marker) {
        return new Line(label, indent, false, List.of());
      }
    }
    return new Line(label, indent, true, List.copyOf(numbers));
  }

  private static boolean numericSegment(String segment) {
    if (segment.isEmpty()) {
      return false;
    }
    for (String t : segment.split(" ")) {
      if (t.isEmpty() || token(t) instanceof Other) {
        return false;
      }
    }
    return true;
  }

  /** The numbers printed in the table rows of a block of lines, in reading order. */
  static List<String> tableNumbers(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.addAll(line(l).numbers());
    }
    return out;
  }

  /** The numbers printed in one line, table mode. */
  static List<String> tableNumbers(String line) {
    return line(line).numbers();
  }

  /** Every numeric token of every line (for prose-like sections such as hedged positions). */
  static List<String> allNumbers(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      for (String t : l.trim().split("\\s+")) {
        String s = t;
        while (!s.isEmpty() && ",;:.".indexOf(s.charAt(s.length() - 1)) >= 0) {
          s = s.substring(0, s.length() - 1);
        }
        normalize(s).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * A row of a table as printed: the full label (a wrapped label joined from its lines), the
   * index of the line that carries the figures, and the numbers of that line.
   */
  record PrintedRow(int lineIndex, String label, List<String> numbers) {}

  /**
   * The rows with figures of a block of lines. A wrapped label is rejoined the way releases wrap
   * labels: the first part at the row's indent, every continuation one space further in; so the
   * line carrying the figures at indent {@code k > 0} takes the lines above it at indent
   * {@code k} and then one line at indent {@code k - 1}, stopping at blank lines, rules, lines
   * that carry figures and headings ending in ':' (such as {@code " silver produced (2):"}).
   */
  static List<PrintedRow> rows(List<String> lines) {
    List<Line> parsed = lines.stream().map(PrintedNumbers::line).toList();
    List<PrintedRow> rows = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      Line l = parsed.get(i);
      if (!l.hasValueRegion()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      parts.add(l.label());
      int k = l.indent();
      int j = i - 1;
      if (k > 0 && !l.label().isEmpty()) {
        while (j >= 0 && labelOnly(parsed.get(j)) && parsed.get(j).indent() == k) {
          parts.add(0, parsed.get(j).label());
          j--;
        }
        if (j >= 0 && labelOnly(parsed.get(j)) && parsed.get(j).indent() == k - 1) {
          parts.add(0, parsed.get(j).label());
        } else {
          // no first line one place further out: the continuation lines were not a wrapped label
          parts = new ArrayList<>(List.of(l.label()));
        }
      }
      rows.add(new PrintedRow(i, String.join(" ", parts).replaceAll("\\s+", " ").trim(), l.numbers()));
    }
    return rows;
  }

  /** A line that can be part of a wrapped row label: text without figures, not a rule, not a heading ending in ':'. */
  private static boolean labelOnly(Line l) {
    return !l.hasValueRegion() && !l.label().isEmpty() && !l.label().matches("[-=\\s]+") && !l.label().endsWith(":");
  }

  /** The first row at or after line {@code from} whose label starts with {@code prefix}. */
  static Optional<PrintedRow> findRow(List<String> lines, int from, String prefix) {
    return rows(lines).stream().filter(r -> r.lineIndex() >= from && r.label().startsWith(prefix)).findFirst();
  }

  /** Index of the first line at or after {@code from} whose trimmed text satisfies {@code p}, or -1. */
  static int indexOf(List<String> lines, int from, Predicate<String> p) {
    for (int i = Math.max(0, from); i < lines.size(); i++) {
      if (p.test(lines.get(i).trim())) {
        return i;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------ sections of a document

  /** A titled part of a document and its lines. */
  record TextSection(String title, List<String> lines) {}

  /** Lines {@code from}..{@code to} (1-based, inclusive) of a document. */
  static List<String> lineRange(List<String> lines, int from, int to) {
    if (from < 1 || to > lines.size() || from > to) {
      throw new IllegalArgumentException("lines " + from + ".." + to + " of a document of " + lines.size() + " lines");
    }
    return List.copyOf(lines.subList(from - 1, to));
  }

  /**
   * Splits a document at titles, in order: each section starts at the first line (after the
   * previous section's start) whose trimmed text starts with its title and runs to the line
   * before the next section's start; the last runs to the end. A missing title is an error
   * naming it.
   */
  static List<TextSection> splitAtTitles(List<String> lines, List<String> titles) {
    List<Integer> starts = new ArrayList<>();
    int from = 0;
    for (String title : titles) {
      int at = indexOf(lines, from, t -> t.startsWith(title));
      if (at < 0) {
        throw new AssertionError("no line starting with '" + title + "' after line " + (from + 1) + " of the document");
      }
      starts.add(at);
      from = at + 1;
    }
    List<TextSection> out = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : lines.size();
      out.add(new TextSection(titles.get(i), List.copyOf(lines.subList(starts.get(i), end))));
    }
    return out;
  }

  /** The lines of a text (any line ending). */
  static List<String> lines(String text) {
    return text.lines().toList();
  }

  /** The lines of a UTF-8 text file. */
  static List<String> readLines(Path file) {
    try {
      return lines(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
