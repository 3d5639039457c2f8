package org.orebook.edgar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
    char ruleChar, List<int[]> ruleSegments, Optional<NumberToken> loose, String looseLabel) {

  /** What a line is. */
  public enum Kind { BLANK, RULE, NUMBERS, YEARS, TEXT }

  private static final Pattern RULE_RUN = Pattern.compile("[-=_]{4,}");
  private static final Pattern RULE_LINE = Pattern.compile("[-=_ ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public ScannedLine {
    cells = List.copyOf(cells);
    ruleSegments = List.copyOf(ruleSegments);
  }

  public ScannedLine(int number, String text, Kind kind, String label, int indent, List<NumberToken> cells,
      char ruleChar, List<int[]> ruleSegments) {
    this(number, text, kind, label, indent, cells, ruleChar, ruleSegments, Optional.empty(), label);
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

  /** The same line as plain text (a line a table reader has already consumed, or markup). */
  ScannedLine asText() {
    return new ScannedLine(number, text, Kind.TEXT, SPACES.matcher(text.trim()).replaceAll(" "), indent, List.of(), ' ',
        List.of());
  }

  /**
   * Classifies one line (tabs already expanded). Linear in the length of the line: words are read
   * once from the right, each number cell parsed in bounded time.
   */
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
      return new ScannedLine(number, line, Kind.TEXT, collapse(line.trim()), indent, List.of(), ' ', List.of());
    }
    if (RULE_LINE.matcher(line).matches() && RULE_RUN.matcher(line).find()) {
      List<int[]> segs = new ArrayList<>();
      Matcher m = RULE_RUN.matcher(line);
      while (m.find()) {
        segs.add(new int[] {m.start(), m.end()});
      }
      return new ScannedLine(number, line, Kind.RULE, "", indent, List.of(), line.contains("=") ? '=' : '-', segs);
    }
    List<int[]> words = words(line);
    List<NumberToken> cells = new ArrayList<>();
    List<Integer> lastWord = new ArrayList<>();
    int k = words.size() - 1;
    while (k >= 0) {
      String t = word(line, words, k);
      NumberToken tok = null;
      int used = 1;
      // a closing parenthesis or percent sign printed in a cell of its own: "(632" + ")"
      if (k >= 1 && (t.equals(")") || t.equals("%") || t.equals(")%") || t.equals("%)"))) {
        tok = joined(line, words, k - 1, k);
        used = 2;
      }
      if (tok == null) {
        tok = NumberToken.parse(t, words.get(k)[0]);
        used = 1;
      }
      // an opening parenthesis apart from its digits: "(" + "632)"
      if (tok == null && k >= 1 && OPENERS.contains(word(line, words, k - 1))) {
        tok = joined(line, words, k - 1, k);
        used = 2;
      }
      if (tok != null) {
        cells.add(tok);
        lastWord.add(k);
        k -= used;
      } else if (t.equals("$") && !cells.isEmpty() && !cells.get(cells.size() - 1).dollar()) {
        cells.set(cells.size() - 1, cells.get(cells.size() - 1).withDollar(words.get(k)[0]));
        k--;
      } else {
        break;
      }
    }
    Collections.reverse(cells);
    Collections.reverse(lastWord);
    // the first number must stand two spaces after the label: else it is part of the label; the one
    // nearest the label is kept aside, a table may take it back when it stands in a column
    Optional<NumberToken> loose = Optional.empty();
    int looseLabelEnd = -1;
    int removed = 0;
    while (!cells.isEmpty() && k >= 0 && cells.get(0).start() - words.get(k)[1] < (detachedDollar(cells.get(0)) ? 1 : 2)) {
      NumberToken c0 = cells.remove(0);
      int last = lastWord.remove(0);
      if (removed++ == 0) {
        loose = Optional.of(c0);
        looseLabelEnd = k;
      } else {
        loose = Optional.empty();
      }
      k = last;
    }
    String label = k >= 0 ? collapse(line.substring(words.get(0)[0], words.get(k)[1])) : "";
    if (cells.isEmpty() || (label.isEmpty() && cells.stream().allMatch(NumberToken::dash))) {
      return new ScannedLine(number, line, Kind.TEXT, collapse(line.trim()), indent, List.of(), ' ', List.of());
    }
    String looseLabel = loose.isPresent() && looseLabelEnd >= 0
        ? collapse(line.substring(words.get(0)[0], words.get(looseLabelEnd)[1])) : label;
    boolean years = label.isEmpty() && cells.stream().allMatch(NumberToken::yearLike);
    return new ScannedLine(number, line, years ? Kind.YEARS : Kind.NUMBERS, label, indent, cells, ' ', List.of(), loose,
        looseLabel);
  }

  private static final java.util.Set<String> OPENERS = java.util.Set.of("(", "$(", "($", "$ (");

  private static String word(String line, List<int[]> words, int k) {
    return line.substring(words.get(k)[0], words.get(k)[1]);
  }

  /** Two words read as one cell ("(632" and ")"), with the digit positions of the line. */
  private static NumberToken joined(String line, List<int[]> words, int a, int b) {
    String first = word(line, words, a);
    String second = word(line, words, b);
    NumberToken t = NumberToken.parse(first + second, 0);
    if (t == null) {
      return null;
    }
    // map the digit span back to the line: digits lie in one of the two words
    int s = t.digitStart() < first.length() ? words.get(a)[0] + t.digitStart() : words.get(b)[0] + t.digitStart() - first.length();
    int e = t.digitEnd() <= first.length() ? words.get(a)[0] + t.digitEnd() : words.get(b)[0] + t.digitEnd() - first.length();
    return new NumberToken(words.get(a)[0], words.get(b)[1], s, e, line.substring(words.get(a)[0], words.get(b)[1]), t.value(),
        t.decimals(), t.dash(), t.dollar(), t.percent());
  }

  private static String collapse(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A {@code $} printed as a word of its own before the number: a cell, never prose. */
  private static boolean detachedDollar(NumberToken t) {
    return t.dollar() && !t.text().startsWith("$") && !t.text().startsWith("($");
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
