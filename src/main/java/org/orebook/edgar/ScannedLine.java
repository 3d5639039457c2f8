package org.orebook.edgar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a plain-text release, classified: blank, a rule ({@code ------}, {@code ======}), a
 * row of numbers after an optional label, a line of column years, or text.
 *
 * <p>The numbers of a row are the whitespace-separated words at the end of the line that read as
 * numbers ({@code 1,234}, {@code (0.94)}, {@code $}, {@code --}); the first of them must stand at
 * least two spaces after the label, so that a footnote marker ({@code Net income (loss) (1)}) or a
 * number inside a sentence stays part of the text.
 *
 * @param number the line number in the file, from 1
 */
public record ScannedLine(int number, String text, Kind kind, String label, int indent, List<NumberToken> cells,
    char ruleChar, List<int[]> ruleSegments) {

  /** What a line is. */
  public enum Kind { BLANK, RULE, NUMBERS, YEARS, TEXT }

  private static final Pattern NUMBER = Pattern.compile(
      "(\\()?(\\$)?(\\()?(-)?((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?|\\.(\\d+))(%)?(\\))?");
  private static final Pattern DASH = Pattern.compile("-{1,3}|\u2014|\u2013|\\$-{1,3}");
  private static final Pattern RULE_RUN = Pattern.compile("[-=_]{4,}");
  private static final Pattern RULE_LINE = Pattern.compile("[-=_ ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern YEAR_TEXT = Pattern.compile("(19|20)\\d\\d");

  public ScannedLine {
    cells = List.copyOf(cells);
    ruleSegments = List.copyOf(ruleSegments);
  }

  public boolean blank() {
    return kind == Kind.BLANK;
  }

  /**
   * Widest line read as a row of a table: a release's tables are at most a few hundred characters
   * wide; a longer line is running text (so no table ever has more columns than this allows, and
   * laying out its columns stays cheap).
   */
  public static final int MAX_TABLE_WIDTH = 2_000;

  /** Classifies one line (tabs already expanded). */
  public static ScannedLine scan(int number, String raw) {
    String line = stripRight(raw);
    if (line.isBlank()) {
      return new ScannedLine(number, line, Kind.BLANK, "", 0, List.of(), ' ', List.of());
    }
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    if (line.length() > MAX_TABLE_WIDTH) {
      return new ScannedLine(number, line, Kind.TEXT, SPACES.matcher(line.trim()).replaceAll(" "), indent, List.of(), ' ', List.of());
    }
    if (RULE_LINE.matcher(line.trim()).matches() && RULE_RUN.matcher(line).find()) {
      List<int[]> segs = new ArrayList<>();
      Matcher m = RULE_RUN.matcher(line);
      while (m.find()) {
        segs.add(new int[] {m.start(), m.end()});
      }
      return new ScannedLine(number, line, Kind.RULE, "", indent, List.of(), line.contains("=") ? '=' : '-', segs);
    }
    List<int[]> words = words(line);
    List<NumberToken> cells = new ArrayList<>();
    int k = words.size() - 1;
    while (k >= 0) {
      int[] w = words.get(k);
      String t = line.substring(w[0], w[1]);
      NumberToken tok = token(t, w[0]);
      if (tok != null) {
        cells.add(tok);
        k--;
      } else if (t.equals("$") && !cells.isEmpty() && !cells.get(cells.size() - 1).dollar()) {
        cells.set(cells.size() - 1, cells.get(cells.size() - 1).withDollar(w[0]));
        k--;
      } else {
        break;
      }
    }
    Collections.reverse(cells);
    // the first number must stand two spaces after the label: else it is part of the label
    int first = 0;
    while (first < cells.size() && k >= 0
        && cells.get(first).start() - words.get(k)[1] < (detachedDollar(cells.get(first)) ? 1 : 2)) {
      first++;
      k = indexOfWordEndingBefore(words, first == cells.size() ? line.length() : cells.get(first).start());
    }
    cells = cells.subList(first, cells.size());
    String label = k >= 0 ? SPACES.matcher(line.substring(words.get(0)[0], words.get(k)[1])).replaceAll(" ").trim() : "";
    if (cells.isEmpty() || (label.isEmpty() && cells.stream().allMatch(NumberToken::dash))) {
      return new ScannedLine(number, line, Kind.TEXT, SPACES.matcher(line.trim()).replaceAll(" "), indent, List.of(), ' ', List.of());
    }
    boolean years = label.isEmpty() && cells.stream().allMatch(NumberToken::yearLike);
    return new ScannedLine(number, line, years ? Kind.YEARS : Kind.NUMBERS, label, indent, cells, ' ', List.of());
  }

  /** A {@code $} printed as a word of its own before the number: a cell, never prose. */
  private static boolean detachedDollar(NumberToken t) {
    return t.dollar() && !t.text().startsWith("$") && !t.text().startsWith("($");
  }

  /** The last word ending at or before {@code pos}, or -1 (words are in line order: a binary search). */
  static int indexOfWordEndingBefore(List<int[]> words, int pos) {
    int lo = 0;
    int hi = words.size() - 1;
    int k = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (words.get(mid)[1] <= pos) {
        k = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return k;
  }

  /**
   * Most characters a number cell can have: a release prints no figure of more than about twenty
   * digits; a longer word of digits is text (and is never parsed, which would take time the square
   * of its length).
   */
  static final int MAX_CELL_CHARS = 48;

  /** Parses one word as a number cell, or null. */
  static NumberToken token(String t, int start) {
    if (t.length() > MAX_CELL_CHARS) {
      return null;
    }
    if (DASH.matcher(t).matches()) {
      boolean dollar = t.startsWith("$");
      int ds = start + (dollar ? 1 : 0);
      return new NumberToken(start, start + t.length(), ds, start + t.length(), t, BigDecimal.ZERO, 0, true, dollar, false);
    }
    Matcher m = NUMBER.matcher(t);
    if (!m.matches()) {
      return null;
    }
    boolean open = m.group(1) != null || m.group(3) != null;
    boolean close = m.group(9) != null;
    if (open != close || (m.group(1) != null && m.group(3) != null)) {
      return null;
    }
    String digits = m.group(5).replace(",", "");
    BigDecimal v = new BigDecimal(digits.startsWith(".") ? "0" + digits : digits);
    int decimals = m.group(6) != null ? m.group(6).length() : m.group(7) != null ? m.group(7).length() : 0;
    if (open || m.group(4) != null) {
      v = v.negate();
    }
    int ds = start + m.start(5);
    int de = start + m.end(5);
    return new NumberToken(start, start + t.length(), ds, de, t, v, decimals, false, m.group(2) != null, m.group(8) != null);
  }

  static List<int[]> words(String line) {
    List<int[]> w = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
      int s = i;
      while (i < line.length() && line.charAt(i) != ' ') {
        i++;
      }
      if (i > s) {
        w.add(new int[] {s, i});
      }
    }
    return w;
  }

  /** Phrases of a text line: runs of words separated by single spaces, with their spans. */
  public static List<Phrase> phrases(String line) {
    List<Phrase> out = new ArrayList<>();
    List<int[]> w = words(line);
    int i = 0;
    while (i < w.size()) {
      int s = w.get(i)[0];
      int e = w.get(i)[1];
      int j = i + 1;
      while (j < w.size() && w.get(j)[0] - e < 2) {
        e = w.get(j)[1];
        j++;
      }
      out.add(new Phrase(line.substring(s, e), s, e));
      i = j;
    }
    return out;
  }

  /** A run of text and its span on the line. */
  public record Phrase(String text, int start, int end) {
    public int center2() {
      return start + end;
    }
  }

  private static String stripRight(String s) {
    int e = s.length();
    while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(0, e);
  }
}
