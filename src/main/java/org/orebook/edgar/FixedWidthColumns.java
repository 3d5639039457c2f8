package org.orebook.edgar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.edgar.ScannedLine.Kind;
import org.orebook.edgar.ScannedLine.Phrase;

/**
 * The columns of a fixed-width table: the digit spans of all cells of the body merged into columns
 * (right-aligned numbers share digit positions, whatever the widths), and the header words over
 * each: a phrase over one column is its own heading, a group phrase ({@code Fourth Quarter Ended})
 * over several is each one's group heading, a phrase over several columns that is not a group is
 * split into its words ({@code (oz/ton) (oz/ton)}).
 */
final class FixedWidthColumns {
  private static final Pattern GROUP_WORDS = Pattern.compile(
      "\\b(Ended|Ending|Quarter|Months|Weeks|Year|Years)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");
  private static final Pattern MONTH = Pattern.compile(
      "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENDED = Pattern.compile("(?i)\\bEnded\\b");

  private FixedWidthColumns() {}

  /** True when a table's columns stand where the previous table's stood (a table continued without a header). */
  static boolean aligned(List<int[]> prev, List<int[]> clusters) {
    if (prev.size() != clusters.size() || prev.isEmpty()) {
      return false;
    }
    for (int c = 0; c < prev.size(); c++) {
      int center2 = clusters.get(c)[0] + clusters.get(c)[1];
      if (Math.abs(center2 - (prev.get(c)[0] + prev.get(c)[1])) > 8) {
        return false;
      }
    }
    return true;
  }

  static List<int[]> clusters(List<ScannedLine> body) {
    List<int[]> spans = new ArrayList<>();
    for (ScannedLine l : body) {
      if (l.kind() == Kind.NUMBERS || (l.kind() == Kind.YEARS && !l.label().isEmpty())) {
        for (NumberToken t : l.cells()) {
          spans.add(new int[] {t.digitStart(), t.digitEnd()});
        }
      }
    }
    spans.sort(Comparator.comparingInt(a -> a[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] s : spans) {
      if (!merged.isEmpty() && s[0] < merged.get(merged.size() - 1)[1]) {
        int[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], s[1]);
      } else {
        merged.add(new int[] {s[0], s[1]});
      }
    }
    return merged;
  }

  record Header(String stub, List<String> group, List<String> own) {}

  static Header header(ScannedLine[] lines, int headerStart, int headerEnd, List<int[]> clusters) {
    int n = clusters.size();
    List<StringBuilder> group = new ArrayList<>();
    List<StringBuilder> own = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      group.add(new StringBuilder());
      own.add(new StringBuilder());
    }
    StringBuilder stub = new StringBuilder();
    int firstStart = clusters.isEmpty() ? Integer.MAX_VALUE : clusters.get(0)[0];
    for (int i = headerStart; i <= headerEnd; i++) {
      ScannedLine l = lines[i];
      if (l.kind() == Kind.RULE || n == 0) {
        continue;
      }
      List<Phrase> phrases = new ArrayList<>();
      if (l.kind() == Kind.YEARS) {
        for (NumberToken t : l.cells()) {
          phrases.add(new Phrase(t.text(), t.digitStart(), t.digitEnd()));
        }
      } else {
        for (Phrase p : ScannedLine.phrases(l.text())) {
          phrases.addAll(splitGroups(p));
        }
      }
      // stub: phrases left of the first column
      List<Phrase> rest = new ArrayList<>();
      for (Phrase p : phrases) {
        // a phrase reaching over the first column's figures heads that column (a wide heading of a
        // single column), not the labels
        if (rest.isEmpty() && p.start() < firstStart - 3 && p.center2() < 2 * firstStart && p.end() <= firstStart) {
          stub.append(stub.isEmpty() ? "" : " ").append(p.text());
        } else {
          rest.add(p);
        }
      }
      List<Phrase> groups = rest.stream().filter(p -> GROUP_WORDS.matcher(p.text()).find() && !YEAR.matcher(p.text()).find()
          && !MONTH.matcher(p.text()).find() || p.text().matches("(?i).*\\bended\\b.*")).toList();
      if (!groups.isEmpty() && groups.size() == rest.size() && (groups.size() < n)) {
        List<int[]> segs = i + 1 <= headerEnd && lines[i + 1].kind() == Kind.RULE ? lines[i + 1].ruleSegments() : List.of();
        for (int c = 0; c < n; c++) {
          int center2 = clusters.get(c)[0] + clusters.get(c)[1];
          Phrase best = null;
          if (segs.size() == groups.size()) {
            for (int g = 0; g < segs.size(); g++) {
              if (center2 >= 2 * (segs.get(g)[0] - 2) && center2 <= 2 * (segs.get(g)[1] + 2)) {
                best = groups.get(g);
              }
            }
          }
          if (best == null) {
            best = groups.stream().min(Comparator.comparingInt(p -> Math.abs(p.center2() - center2))).orElseThrow();
          }
          append(group.get(c), best.text());
        }
        continue;
      }
      // dates without a year under group headings ("September 30," over its two years): each is the
      // group heading of the columns nearest it
      if (rest.size() >= 2 && rest.size() < n && rest.stream().allMatch(p -> MONTH.matcher(p.text()).find()
          && !YEAR.matcher(p.text()).find())) {
        for (int c = 0; c < n; c++) {
          int center2 = clusters.get(c)[0] + clusters.get(c)[1];
          Phrase best = rest.stream().min(Comparator.comparingInt(p -> Math.abs(p.center2() - center2))).orElseThrow();
          append(group.get(c), best.text());
        }
        continue;
      }
      for (Phrase p : rest) {
        List<Integer> over = overlapping(p, clusters);
        if (over.size() >= 2 && MONTH.matcher(p.text()).find() && !YEAR.matcher(p.text()).find()) {
          for (int c : over) {
            append(group.get(c), p.text());
          }
        } else if (rest.size() == 1 && n >= 2 && MONTH.matcher(p.text()).find() && !YEAR.matcher(p.text()).find()) {
          for (int c = 0; c < n; c++) {
            append(group.get(c), p.text());
          }
        } else if (over.size() >= 2) {
          for (Phrase w : words(p)) {
            assign(w, clusters, own);
          }
        } else {
          assign(p, clusters, own);
        }
      }
    }
    return new Header(stub.toString().trim(), group.stream().map(StringBuilder::toString).toList(),
        own.stream().map(StringBuilder::toString).toList());
  }

  static List<Phrase> splitGroups(Phrase p) {
    Matcher m = ENDED.matcher(p.text());
    List<Phrase> out = new ArrayList<>();
    int from = 0;
    while (m.find()) {
      String part = p.text().substring(from, m.end());
      int lead = part.length() - part.stripLeading().length();
      out.add(new Phrase(part.trim(), p.start() + from + lead, p.start() + m.end()));
      from = m.end();
    }
    if (out.size() <= 1) {
      return List.of(p);
    }
    String tail = p.text().substring(from);
    if (!tail.isBlank()) {
      int lead = tail.length() - tail.stripLeading().length();
      out.add(new Phrase(tail.trim(), p.start() + from + lead, p.end()));
    }
    return out;
  }

  static List<Phrase> words(Phrase p) {
    List<Phrase> out = new ArrayList<>();
    for (int[] w : ScannedLine.words(p.text())) {
      out.add(new Phrase(p.text().substring(w[0], w[1]), p.start() + w[0], p.start() + w[1]));
    }
    return out;
  }

  static List<Integer> overlapping(Phrase p, List<int[]> clusters) {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < clusters.size(); c++) {
      if (p.start() < clusters.get(c)[1] && clusters.get(c)[0] < p.end()) {
        out.add(c);
      }
    }
    return out;
  }

  static void assign(Phrase p, List<int[]> clusters, List<StringBuilder> own) {
    int best = -1;
    int bestOverlap = 0;
    for (int c = 0; c < clusters.size(); c++) {
      int o = Math.min(p.end(), clusters.get(c)[1] + 2) - Math.max(p.start(), clusters.get(c)[0] - 2);
      if (o > bestOverlap) {
        bestOverlap = o;
        best = c;
      }
    }
    if (best < 0) {
      int d = Integer.MAX_VALUE;
      for (int c = 0; c < clusters.size(); c++) {
        int dc = Math.abs(p.center2() - (clusters.get(c)[0] + clusters.get(c)[1]));
        if (dc < d) {
          d = dc;
          best = c;
        }
      }
      if (d > 20) {
        return;
      }
    }
    append(own.get(best), p.text());
  }

  static void append(StringBuilder sb, String text) {
    if (!sb.isEmpty()) {
      sb.append(' ');
    }
    sb.append(text);
  }


  /** The column a cell stands in: the one its digits overlap, else the nearest within 3 characters; -1 if none. */
  static int columnOf(NumberToken t, List<int[]> clusters) {
    int best = -1;
    int d = Integer.MAX_VALUE;
    for (int i = 0; i < clusters.size(); i++) {
      int[] c = clusters.get(i);
      if (t.digitStart() < c[1] && c[0] < t.digitEnd()) {
        return i;
      }
      int dc = Math.abs(t.center2() - (c[0] + c[1]));
      if (dc < d) {
        d = dc;
        best = i;
      }
    }
    return d <= 6 ? best : -1;
  }
}
