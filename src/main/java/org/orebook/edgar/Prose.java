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

  /** Most paragraphs kept: a release has a few hundred; the checker reads at most 20,000 sentences. */
  static final int MAX_PARAGRAPHS = 20_000;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern GLUED_FOOTNOTE = Pattern.compile("(?<=[A-Za-z\\)]{3})[0-9\u00b9\u00b2\u00b3]{1,2}(?=[\\s,;:.]|$)");
  private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.:;\"\u201d]$");
  private static final Pattern FOOTNOTE = Pattern.compile("\\(\\d{1,2}\\) .*");
  /** A bullet that starts a paragraph of its own: "--", "*", "-", "\u2022", "o" before a space. */
  private static final Pattern BULLET = Pattern.compile("^(--|[*\u2022\u25aa\u00b7-]|o)\\s+\\S");
  private static final Pattern BREAK = Pattern.compile("([.!?])([\"\u201d']?)(\\s+)(?=[\"\u201c(]?[A-Z0-9$])");
  private static final Set<String> ABBREVIATIONS = Set.of("dec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "inc", "co", "corp", "ltd", "jr", "sr", "mr", "mrs", "ms", "dr", "no", "st", "vs", "oz", "e.g",
      "i.e", "u.s", "approx", "est", "u.k", "s.a", "nos", "fig");

  /**
   * A paragraph of running text, whatever the source format: its text (words separated by single
   * spaces) and the source line of each character.
   */
  public record Paragraph(String text, int[] lines) {
    public Paragraph {
      if (lines.length != text.length()) {
        throw new IllegalArgumentException("a line for each character: " + lines.length + " for " + text.length());
      }
    }

    /** A paragraph of one source line. */
    public static Paragraph of(String text, int line) {
      int[] l = new int[text.length()];
      java.util.Arrays.fill(l, line);
      return new Paragraph(text, l);
    }
  }

  /** The sentences of the running text of a plain-text document, in order. */
  public static List<Sentence> sentences(List<ScannedLine> lines) {
    return split(paragraphs(lines));
  }

  /** The paragraphs of the running text of a plain-text document: runs of text lines. */
  public static List<Paragraph> paragraphs(List<ScannedLine> lines) {
    List<Paragraph> out = new ArrayList<>();
    List<ScannedLine> para = new ArrayList<>();
    int previousIndent = -1;
    String previous = "";
    for (ScannedLine l : lines) {
      boolean text = l.kind() == ScannedLine.Kind.TEXT;
      String t = l.text().trim();
      boolean starts = text && !para.isEmpty() && (BULLET.matcher(t).find() || l.indent() >= 3
          && (previousIndent < 3 && ENDS_SENTENCE.matcher(previous).matches() || t.startsWith("--") || FOOTNOTE.matcher(t).matches()));
      if (!text || starts) {
        flush(para, out);
      }
      if (text) {
        para.add(l);
        previousIndent = l.indent();
        previous = t;
      } else {
        previousIndent = -1;
      }
    }
    flush(para, out);
    return out;
  }

  private static void flush(List<ScannedLine> para, List<Paragraph> out) {
    if (para.isEmpty()) {
      return;
    }
    if (out.size() >= MAX_PARAGRAPHS) {
      para.clear();
      return;
    }
    StringBuilder sb = new StringBuilder();
    int[] at = new int[64];
    int n = 0;
    for (ScannedLine l : para) {
      String t = SPACES.matcher(l.text().trim()).replaceAll(" ");
      if (sb.isEmpty() && BULLET.matcher(t).find()) {
        t = t.substring(t.startsWith("--") ? 2 : 1).trim();
      }
      if (t.isEmpty()) {
        continue;
      }
      if (n + t.length() + 1 > at.length) {
        at = java.util.Arrays.copyOf(at, Math.max(at.length * 2, n + t.length() + 1));
      }
      if (!sb.isEmpty()) {
        if (sb.charAt(sb.length() - 1) == '-' && sb.length() > 1 && Character.isLetter(sb.charAt(sb.length() - 2))) {
          // a word broken at a hyphen stays as printed ("year-" + "on-year")
        } else {
          sb.append(' ');
          at[n++] = l.number();
        }
      }
      sb.append(t);
      for (int i = 0; i < t.length(); i++) {
        at[n++] = l.number();
      }
    }
    para.clear();
    out.add(new Paragraph(sb.toString(), java.util.Arrays.copyOf(at, n)));
  }

  /**
   * The sentences of paragraphs, in order: split at sentence ends (not after {@code Dec.},
   * {@code Inc.}, {@code U.S.}, ...); a paragraph of fewer than six words or all capitals (a title, a
   * wrapped row label) is dropped.
   */
  public static List<Sentence> split(List<Paragraph> paragraphs) {
    return split(paragraphs, Integer.MAX_VALUE);
  }

  /** The first sentences of paragraphs, as {@link #split(List)}: at least {@code max}, when there are as many. */
  public static List<Sentence> split(List<Paragraph> paragraphs, int max) {
    List<Sentence> out = new ArrayList<>();
    int paragraph = 0;
    for (Paragraph raw : paragraphs) {
      if (out.size() >= max) {
        return out;
      }
      Paragraph p = withoutFootnoteDigits(raw);
      String text = p.text();
      if (text.split(" ").length < 6 || text.equals(text.toUpperCase(Locale.ROOT))) {
        continue;
      }
      paragraph++;
      int[] lineOf = p.lines();
      int from = 0;
      Matcher m = BREAK.matcher(text);
      while (m.find()) {
        // the word before the stop, looked up from the stop back (copying the sentence so far made a
        // paragraph of many abbreviations take time the square of its length)
        int wordStart = Math.max(from, text.lastIndexOf(' ', m.start(1) - 1) + 1);
        String word = text.substring(wordStart, m.start(1)).toLowerCase(Locale.ROOT).replaceAll("^[\"(\u201c]+", "");
        if (ABBREVIATIONS.contains(word) || word.matches("[a-z]") || word.matches("(?:[a-z]\\.)+[a-z]")) {
          continue;
        }
        int end = m.start(3);
        add(out, text, lineOf, from, end, paragraph);
        from = m.end();
      }
      add(out, text, lineOf, from, text.length(), paragraph);
    }
    return out;
  }

  /**
   * A footnote digit glued to a word ("Adjusted EBITDA1 of $45.2 million", "AISC2") is no part of the
   * sentence: dropped, with its line. Codes keep their digits (a letter or two before: "Q3", "C1", "H1").
   */
  static Paragraph withoutFootnoteDigits(Paragraph p) {
    Matcher m = GLUED_FOOTNOTE.matcher(p.text());
    if (!m.find()) {
      return p;
    }
    StringBuilder sb = new StringBuilder();
    int[] lines = new int[p.text().length()];
    int n = 0;
    int from = 0;
    do {
      for (int i = from; i < m.start(); i++) {
        sb.append(p.text().charAt(i));
        lines[n++] = p.lines()[i];
      }
      from = m.end();
    } while (m.find());
    for (int i = from; i < p.text().length(); i++) {
      sb.append(p.text().charAt(i));
      lines[n++] = p.lines()[i];
    }
    return new Paragraph(sb.toString(), java.util.Arrays.copyOf(lines, n));
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
