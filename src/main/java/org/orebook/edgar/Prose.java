package org.orebook.edgar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running text of a release, outside its tables: paragraphs (a run of text lines, a new one at
 * each indented first line or {@code --} bullet) split into sentences, each character with its
 * source line. A line the scanner classifies as figures, a rule or a header is never prose; a
 * paragraph of fewer than six words (a table title, a wrapped row label) is dropped.
 */
public final class Prose {
  private Prose() {}

  /** One sentence: its text (lines joined with single spaces), its paragraph, and the line of each character. */
  public record Sentence(String text, int paragraph, int[] lines) {
    /** The source line of the character at {@code offset}. */
    public int lineAt(int offset) {
      return lines[Math.max(0, Math.min(lines.length - 1, offset))];
    }

    public int firstLine() {
      return lineAt(0);
    }
  }

  private static final Pattern BREAK = Pattern.compile("([.!?])([\"\u201d']?)(\\s+)(?=[\"\u201c(]?[A-Z0-9$])");
  private static final Set<String> ABBREVIATIONS = Set.of("dec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "inc", "co", "corp", "ltd", "jr", "sr", "mr", "mrs", "ms", "dr", "no", "st", "vs", "oz", "e.g",
      "i.e", "u.s", "approx", "est", "u.k", "s.a", "nos", "fig");

  /** The sentences of the running text, in order. */
  public static List<Sentence> sentences(List<ScannedLine> lines) {
    return sentences(lines, Integer.MAX_VALUE);
  }

  /** The first sentences of the running text, in order: at least {@code max}, when there are as many. */
  public static List<Sentence> sentences(List<ScannedLine> lines, int max) {
    List<Sentence> out = new ArrayList<>();
    List<ScannedLine> para = new ArrayList<>();
    int[] paragraph = {0};
    int previousIndent = -1;
    String previous = "";
    for (ScannedLine l : lines) {
      if (out.size() >= max) {
        return out;
      }
      boolean text = l.kind() == ScannedLine.Kind.TEXT;
      String t = l.text().trim();
      boolean starts = text && !para.isEmpty() && l.indent() >= 3
          && (previousIndent < 3 && previous.matches(".*[.:;\"\u201d]$") || t.startsWith("--") || t.matches("\\(\\d{1,2}\\) .*"));
      if (!text || starts) {
        flush(para, out, paragraph);
      }
      if (text) {
        para.add(l);
        previousIndent = l.indent();
        previous = t;
      } else {
        previousIndent = -1;
      }
    }
    flush(para, out, paragraph);
    return out;
  }

  private static void flush(List<ScannedLine> para, List<Sentence> out, int[] paragraph) {
    if (para.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    Lines at = new Lines();
    for (ScannedLine l : para) {
      String t = l.text().trim().replaceAll("\\s+", " ");
      if (sb.isEmpty() && t.startsWith("--")) {
        t = t.substring(2).trim();
      }
      if (t.isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        if (sb.charAt(sb.length() - 1) == '-' && sb.length() > 1 && Character.isLetter(sb.charAt(sb.length() - 2))) {
          // a word broken at a hyphen stays as printed ("year-" + "on-year")
        } else {
          sb.append(' ');
          at.add(l.number());
        }
      }
      sb.append(t);
      for (int i = 0; i < t.length(); i++) {
        at.add(l.number());
      }
    }
    para.clear();
    String text = sb.toString();
    if (text.split(" ").length < 6 || text.equals(text.toUpperCase(Locale.ROOT))) {
      return;
    }
    paragraph[0]++;
    int[] lineOf = at.toArray();
    int from = 0;
    Matcher m = BREAK.matcher(text);
    while (m.find()) {
      // the word before the stop (looked up from the stop back, not by copying the sentence so far)
      int wordStart = Math.max(from, text.lastIndexOf(' ', m.start(1) - 1) + 1);
      String word = text.substring(wordStart, m.start(1)).toLowerCase(Locale.ROOT).replaceAll("^[\"(\u201c]+", "");
      if (ABBREVIATIONS.contains(word) || word.matches("[a-z]") || word.matches("(?:[a-z]\\.)+[a-z]")) {
        continue;
      }
      int end = m.start(3);
      add(out, text, lineOf, from, end, paragraph[0]);
      from = m.end();
    }
    add(out, text, lineOf, from, text.length(), paragraph[0]);
  }

  /** The source line of each character of a paragraph, as a growing array of ints. */
  private static final class Lines {
    private int[] a = new int[64];
    private int n;

    void add(int line) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = line;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }

  private static void add(List<Sentence> out, String text, int[] lineOf, int from, int to, int paragraph) {
    if (to <= from) {
      return;
    }
    String s = text.substring(from, to);
    int[] lines = new int[s.length()];
    System.arraycopy(lineOf, from, lines, 0, s.length());
    out.add(new Sentence(s, paragraph, lines));
  }
}
