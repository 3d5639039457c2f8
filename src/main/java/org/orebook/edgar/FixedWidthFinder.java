package org.orebook.edgar;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.orebook.edgar.ScannedLine.Kind;
import org.orebook.edgar.ScannedLine.Phrase;

/**
 * Finds the tables of a fixed-width plain-text document: runs of lines holding rows of numbers,
 * allowing blank lines, rules, headings and wrapped labels between them, ended by prose (a footnote
 * or a paragraph); each run split into tables at its header blocks (period words, dates, years,
 * column names), each table with its title lines above. Linear in the number of lines: each line is
 * looked at a bounded number of times.
 */
final class FixedWidthFinder {
  static final Pattern PERIOD_WORDS = Pattern.compile(
      "\\b(Ended|Ending|Quarter|Months|Weeks)\\b|\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2},"
          + "|^\\s*(Fiscal\\s+)?Years?\\s*$|\\b(Q[1-4]|[1-4]Q|H[12]|FY)\\s?'?(19|20)?\\d\\d\\b|\\b(YTD|Year[- ]to[- ]date)\\b",
      Pattern.CASE_INSENSITIVE);
  static final Pattern FOOTNOTE_START = Pattern.compile("^\\s*(\\(\\w{1,2}\\)|\\*+|\\d{1,2}\\.)\\s+\\S.*");

  /**
   * A table's line ranges (indexes into the document's lines) before its columns and rows are worked
   * out; {@code headerStart} is -1 for a table without a header of its own.
   */
  record Region(List<String> titles, int headerStart, int headerEnd, int bodyStart, int bodyEnd, String context,
      boolean inherits) {}

  final ScannedLine[] lines;
  /** headerLike of each line, worked out once: 0 unknown, 1 no, 2 yes. */
  private final byte[] header;

  FixedWidthFinder(ScannedLine[] lines) {
    this.lines = lines;
    this.header = new byte[lines.length];
  }

  private boolean headerAt(int i) {
    if (header[i] == 0) {
      header[i] = (byte) (headerLike(lines[i]) ? 2 : 1);
    }
    return header[i] == 2;
  }

  static boolean periodWords(String text) {
    return PERIOD_WORDS.matcher(text).find();
  }

  static boolean headerLike(ScannedLine l) {
    if (l.kind() == Kind.YEARS) {
      return true;
    }
    if (l.kind() != Kind.TEXT) {
      return false;
    }
    if (FOOTNOTE_START.matcher(l.text()).matches() && l.text().trim().length() > 40) {
      return false;
    }
    List<Phrase> ph = ScannedLine.phrases(l.text());
    boolean shortPhrases = ph.stream().allMatch(p -> p.text().split(" ").length <= 6);
    if (periodWords(l.text()) && shortPhrases) {
      return true;
    }
    return ph.size() >= 2 && shortPhrases;
  }

  Kind kind(int i) {
    return lines[i].kind();
  }

  boolean tabularText(int i) {
    String t = lines[i].text().trim();
    if (FOOTNOTE_START.matcher(t).matches() && t.length() > 40) {
      return false;
    }
    if (RowAssembly.capsHeading(t) || (t.endsWith(":") && t.length() <= 70) || (t.length() <= 40 && t.split(" ").length <= 6)) {
      return true;
    }
    for (int j = i + 1; j < lines.length && j <= i + 3; j++) {
      if (kind(j) == Kind.NUMBERS) {
        return true;
      }
      if (kind(j) != Kind.TEXT) {
        return false;
      }
    }
    return false;
  }

  boolean inTable(int i) {
    return switch (kind(i)) {
      case NUMBERS, YEARS, RULE, BLANK -> true;
      case TEXT -> tabularText(i) || headerAt(i);
    };
  }

  /** The tables of the document, in order. */
  List<Region> find() {
    List<Region> out = new ArrayList<>();
    int n = lines.length;
    int prevEnd = -1;
    int i = 0;
    while (i < n) {
      if (kind(i) != Kind.NUMBERS) {
        i++;
        continue;
      }
      int end = i;
      int j = i + 1;
      int blanks = 0;
      int texts = 0;
      while (j < n) {
        Kind k = kind(j);
        if (k == Kind.NUMBERS) {
          end = j;
          blanks = 0;
          texts = 0;
        } else if (k == Kind.BLANK) {
          if (++blanks > 3) {
            break;
          }
        } else if (k == Kind.RULE || k == Kind.YEARS) {
          blanks = 0;
        } else {
          if (!inTable(j) || ++texts > 8) {
            break;
          }
          blanks = 0;
        }
        j++;
      }
      while (end + 1 < n && kind(end + 1) == Kind.RULE) {
        end++;
      }
      int s = i;
      int back = 0;
      int blankRun = 0;
      while (s - 1 > prevEnd && back < 16) {
        Kind k = kind(s - 1);
        if (k == Kind.BLANK) {
          if (++blankRun > 2) {
            break;
          }
        } else if (k == Kind.NUMBERS || !inTable(s - 1)) {
          break;
        } else {
          blankRun = 0;
        }
        s--;
        back++;
      }
      out.addAll(split(s, end, contextAbove(s), prevEnd + 1));
      prevEnd = end;
      i = end + 1;
      if (out.size() > ReleaseReader.MAX_TABLES) {
        break;
      }
    }
    return out;
  }

  /** The paragraph just above a run (a footnote introducing a table). */
  String contextAbove(int s) {
    int j = s - 1;
    while (j >= 0 && kind(j) == Kind.BLANK) {
      j--;
    }
    List<String> para = new ArrayList<>();
    while (j >= 0 && kind(j) != Kind.BLANK && para.size() < 15) {
      para.add(0, lines[j].text().trim());
      j--;
    }
    return String.join(" ", para);
  }

  /**
   * The sentence that introduces a table without a title ("The following table reconciles ..."): the
   * paragraph ending at most two blank lines above its header.
   */
  String sentenceAbove(int start, int floor) {
    int j = start - 1;
    int blanks = 0;
    while (j >= 0 && kind(j) == Kind.BLANK && blanks < 3) {
      j--;
      blanks++;
    }
    if (j < 0 || kind(j) != Kind.TEXT || blanks > 2) {
      return "";
    }
    List<String> para = new ArrayList<>();
    while (j >= 0 && kind(j) == Kind.TEXT && para.size() < 8) {
      para.add(0, lines[j].text().trim());
      j--;
    }
    String p = String.join(" ", para);
    return p.split(" ").length >= 6 ? p : "";
  }

  /** Splits a run [s, e] into tables at each header block. */
  List<Region> split(int s, int e, String context, int floor) {
    List<int[]> blocks = new ArrayList<>();
    int i = s;
    while (i <= e) {
      if (headerAt(i) || (kind(i) == Kind.RULE && i + 1 <= e && headerAt(i + 1))) {
        int b = i;
        boolean any = false;
        while (i <= e && (headerAt(i) || kind(i) == Kind.RULE)) {
          any |= headerAt(i);
          i++;
        }
        int k = i;
        while (k <= e && kind(k) == Kind.BLANK) {
          k++;
        }
        boolean bodyFollows = false;
        for (int m = k; m <= e; m++) {
          if (kind(m) == Kind.NUMBERS) {
            bodyFollows = true;
            break;
          }
          if (headerAt(m)) {
            break;
          }
        }
        // a boxed table's first heading line of one phrase ("Gold" over a single metal column),
        // between the box's rule and the heading line found, belongs to the heading
        while (b - 2 >= s && kind(b - 1) == Kind.TEXT && kind(b - 2) == Kind.RULE
            && (blocks.isEmpty() || b - 2 > blocks.get(blocks.size() - 1)[1])) {
          b -= 2;
        }
        if (any && bodyFollows) {
          blocks.add(new int[] {b, i - 1});
        }
      } else {
        i++;
      }
    }
    List<Region> out = new ArrayList<>();
    List<int[]> titles = new ArrayList<>();
    for (int[] b : blocks) {
      int t = b[0] - 1;
      int blanks = 0;
      while (t >= floor && kind(t) == Kind.BLANK && blanks < 2) {
        t--;
        blanks++;
      }
      int te = t;
      while (t >= floor && te - t < 6 && kind(t) == Kind.TEXT && !headerAt(t)) {
        t--;
      }
      titles.add(te > t ? new int[] {t + 1, te} : null);
    }
    // a headerless table before the first header block
    int firstStart = blocks.isEmpty() ? e + 1 : titles.get(0) != null ? titles.get(0)[0] : blocks.get(0)[0];
    int bodyStart = -1;
    for (int m = s; m < firstStart; m++) {
      if (kind(m) == Kind.NUMBERS) {
        bodyStart = m;
        break;
      }
    }
    if (bodyStart >= 0) {
      while (bodyStart - 1 >= s && kind(bodyStart - 1) == Kind.TEXT) {
        bodyStart--;
      }
      out.add(new Region(List.of(), -1, -1, bodyStart, trimEnd(bodyStart, firstStart - 1), context, true));
    }
    for (int b = 0; b < blocks.size(); b++) {
      int[] hb = blocks.get(b);
      int[] tt = titles.get(b);
      int bodyEnd = b + 1 < blocks.size()
          ? (titles.get(b + 1) != null ? titles.get(b + 1)[0] : blocks.get(b + 1)[0]) - 1 : e;
      List<String> tl = new ArrayList<>();
      if (tt != null) {
        for (int m = tt[0]; m <= tt[1]; m++) {
          tl.add(lines[m].text().trim());
        }
      }
      out.add(new Region(tl, hb[0], hb[1], hb[1] + 1, trimEnd(hb[1] + 1, bodyEnd),
          sentenceAbove(tt != null ? tt[0] : hb[0], floor), b > 0 && tt == null));
    }
    return out;
  }

  int trimEnd(int start, int end) {
    int x = end;
    while (x > start && kind(x) == Kind.BLANK) {
      x--;
    }
    return x;
  }
}
