package org.orebook.edgar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.edgar.ScannedLine.Kind;
import org.orebook.edgar.ScannedLine.Phrase;
import org.orebook.quantity.Period;

/**
 * Reads the fixed-width tables of a plain-text results release (an SEC exhibit as filed on EDGAR).
 *
 * <p>A table is a run of lines holding rows of numbers, allowing blank lines, rules, headings and
 * wrapped labels between them and ended by prose (a footnote or a paragraph). Its header lines
 * (period words, dates, years, column names) are mapped to the columns found by aligning the
 * digits of its rows; a new header inside a run starts a new table. Nothing here knows any
 * particular company: the rules are those of the layout. This class is stateless and thread-safe.
 */
public final class ReleaseReader {
  /** Largest input read: a results release is a few hundred kilobytes. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;
  /** Most tables kept: beyond this the input is not a release. */
  public static final int MAX_TABLES = 100;
  /** Most lines examined. */
  public static final int MAX_LINES = 2_000_000;

  private static final Pattern PERIOD_WORDS = Pattern.compile(
      "\\b(Ended|Ending|Quarter|Months|Weeks)\\b|\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2},|^\\s*(Fiscal\\s+)?Years?\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern GROUP_WORDS = Pattern.compile(
      "\\b(Ended|Ending|Quarter|Months|Weeks|Year|Years)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");
  private static final Pattern MONTH = Pattern.compile(
      "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?", Pattern.CASE_INSENSITIVE);
  private static final Pattern FOOTNOTE_START = Pattern.compile("^\\s*(\\(\\w{1,2}\\)|\\*+|\\d{1,2}\\.)\\s+\\S.*");
  private static final Pattern TAG_LINE = Pattern.compile("\\s*<[^>]{1,80}>\\s*");
  private static final String[] ORDINALS = {"first", "second", "third", "fourth"};

  private ReleaseReader() {}

  /** Reads a file; the exception's message says why a file is not a release. */
  public static ReleaseText read(Path file) throws UnreadableReleaseException {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new UnreadableReleaseException(file + ": a folder; give the release's text file");
      }
      if (!Files.exists(file)) {
        throw new UnreadableReleaseException(file + ": no such file");
      }
      if (!Files.isRegularFile(file)) {
        throw new UnreadableReleaseException(file + ": not a regular file (a device or a pipe); give the release's text file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new UnreadableReleaseException(file + ": " + size / (1024 * 1024) + " MB is larger than the "
            + MAX_BYTES / (1024 * 1024) + " MB a results release can be; give the exhibit itself, not a whole filing archive");
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UnreadableReleaseException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    return read(file.toString(), bytes);
  }

  /** Reads the bytes of a release. */
  public static ReleaseText read(String source, byte[] bytes) throws UnreadableReleaseException {
    if (bytes.length == 0) {
      throw new UnreadableReleaseException(source + ": the file is empty");
    }
    int sample = Math.min(bytes.length, 65536);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        throw new UnreadableReleaseException(source + ": a binary file (it holds NUL bytes), not the plain text of a release");
      }
      if (b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    if (control * 100 > sample) {
      throw new UnreadableReleaseException(source + ": a binary file (" + control + " control bytes in the first "
          + sample + "), not the plain text of a release");
    }
    return readText(source, decode(bytes));
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  /** Reads the text of a release. */
  public static ReleaseText readText(String source, String text) throws UnreadableReleaseException {
    if (text.isBlank()) {
      throw new UnreadableReleaseException(source + ": the file holds no text");
    }
    List<String> notes = new ArrayList<>();
    String head = text.substring(0, Math.min(text.length(), 65536)).toLowerCase(Locale.ROOT);
    if (head.contains("<html") || head.contains("<body") || head.contains("<table") || head.contains("<div")) {
      String pre = preformatted(text);
      if (pre.isBlank()) {
        throw new UnreadableReleaseException(source + ": an HTML document; Orebook reads the plain-text version of a"
            + " release (EDGAR .txt, or the HTML saved as text with its tables laid out in columns)");
      }
      notes.add("read the preformatted text inside the HTML document");
      text = pre;
    }
    String[] raw = text.split("\r\n|\r|\n", -1);
    if (raw.length > MAX_LINES) {
      throw new UnreadableReleaseException(source + ": " + raw.length + " lines is more than a release can hold ("
          + MAX_LINES + ")");
    }
    ScannedLine[] lines = new ScannedLine[raw.length];
    java.util.stream.IntStream.range(0, raw.length).parallel().forEach(i -> {
      String l = expandTabs(raw[i]);
      if ((l.indexOf('<') >= 0 && TAG_LINE.matcher(l).matches()) || l.indexOf('\f') >= 0) {
        l = "";
      }
      lines[i] = ScannedLine.scan(i + 1, l);
    });
    List<RawTable> raws = new Finder(lines).find();
    if (raws.size() > MAX_TABLES) {
      notes.add("kept the first " + MAX_TABLES + " tables; the rest of the file was not read");
      raws = raws.subList(0, MAX_TABLES);
    }
    Optional<String> company = companyName(raws);
    org.orebook.quantity.FiscalYearEnd yearEnd = PeriodHeadings.yearEnd(text);
    List<TextTable> tables = new ArrayList<>();
    TextTable previous = null;
    for (RawTable r : raws) {
      TextTable t = r.build(company, previous, lines, yearEnd);
      tables.add(t);
      previous = t;
    }
    // The release's year is the latest year of most tables: a projection or guidance table runs
    // into later years, but the statements, production and cost tables end at the release year.
    Map<Integer, Integer> votes = new java.util.HashMap<>();
    for (TextTable t : tables) {
      t.columns().stream().flatMap(c -> c.period().stream()).map(Period::year).max(Integer::compare)
          .ifPresent(y -> votes.merge(y, 1, Integer::sum));
    }
    Optional<Period> latest = votes.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> (Period) new Period.Year(e.getKey(), yearEnd));
    if (latest.isEmpty()) {
      Matcher m = Pattern.compile("(?i)(?:ended|as of)\\s+([A-Z][a-z]+)\\.?\\s+\\d{1,2},\\s+((?:19|20)\\d\\d)").matcher(text);
      if (m.find()) {
        Optional<PeriodHeadings.Heading> h = PeriodHeadings.parse("ended", m.group(1) + " 1, " + m.group(2));
        latest = Optional.of(new Period.Year(h.flatMap(x -> x.end()).map(yearEnd::fiscalYearOf)
            .orElse(Integer.parseInt(m.group(2))), yearEnd));
      }
    }
    // the period the release reports: the latest end of its fiscal year's columns; the year when a
    // year ends then, else the quarter (a third quarter beside its nine months)
    Optional<Period> main = Optional.empty();
    final Optional<Period> latestYear = latest;
    if (latest.isPresent()) {
      int fy = latest.get().year();
      List<Period> ofYear = tables.stream().flatMap(t -> t.columns().stream()).flatMap(c -> c.period().stream())
          .filter(p -> p.year() == fy).toList();
      java.time.LocalDate end = ofYear.stream().map(Period::end).max(java.util.Comparator.naturalOrder()).orElse(null);
      List<Period> atEnd = ofYear.stream().filter(p -> p.end().equals(end)).toList();
      main = atEnd.stream().filter(Period::isYear).findFirst().or(() -> atEnd.stream().filter(Period::isQuarter).findFirst())
          .or(() -> atEnd.stream().findFirst()).or(() -> latestYear);
    }
    return new ReleaseText(source, raw.length, tables, company, latest, notes, java.util.Arrays.asList(lines), yearEnd,
        main);
  }

  /**
   * The text inside the {@code <pre>} elements of an HTML document, tags removed. Found with
   * {@code indexOf}, not a regular expression: an unclosed {@code <pre} or {@code <} would make one
   * scan to the end of the document from each of them.
   */
  private static String preformatted(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    int at = lower.indexOf("<pre");
    while (at >= 0) {
      int open = lower.indexOf('>', at);
      int close = open < 0 ? -1 : lower.indexOf("</pre>", open);
      if (close < 0) {
        break;
      }
      sb.append(Brackets.replace(html.substring(open + 1, close), '<', '>', "")).append('\n');
      at = lower.indexOf("<pre", close + 6);
    }
    return sb.toString().replace("&nbsp;", " ").replace("&#160;", " ").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#146;", "'").replace("&#151;", "--").replace("&amp;", "&");
  }

  static String expandTabs(String s) {
    if (s.indexOf('\t') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '\t') {
        do {
          sb.append(' ');
        } while (sb.length() % 8 != 0);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static Optional<String> companyName(List<RawTable> raws) {
    Map<String, Integer> count = new HashMap<>();
    for (RawTable r : raws) {
      r.titles.stream().map(String::trim).distinct().forEach(t -> count.merge(t, 1, Integer::sum));
    }
    return count.entrySet().stream().filter(e -> e.getValue() >= 2).filter(e -> !e.getKey().startsWith("("))
        .filter(e -> TableUnit.parse(e.getKey()).isEmpty())
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> -e.getKey().length()))
        .map(Map.Entry::getKey);
  }

  // ------------------------------------------------------------------ line predicates

  static boolean capsHeading(String text) {
    String t = text.trim();
    int paren = t.indexOf('(');
    String head = paren > 0 ? t.substring(0, paren) : t;
    long letters = head.chars().filter(Character::isLetter).count();
    return letters >= 3 && head.equals(head.toUpperCase(Locale.ROOT)) && t.length() <= 80;
  }

  static boolean periodWords(String text) {
    return PERIOD_WORDS.matcher(text).find();
  }

  /**
   * Longest line of words read as part of a table (a heading, a wrapped label, a header): longer is
   * a paragraph, and ends the table.
   */
  static final int MAX_TABLE_TEXT = 300;

  static boolean headerLike(ScannedLine l) {
    if (l.kind() == Kind.YEARS) {
      return true;
    }
    if (l.kind() != Kind.TEXT || l.text().length() > MAX_TABLE_TEXT) {
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

  // ------------------------------------------------------------------ finding tables

  /** Finds the runs of table lines and splits them at header blocks. */
  private static final class Finder {
    final ScannedLine[] lines;

    Finder(ScannedLine[] lines) {
      this.lines = lines;
    }

    Kind kind(int i) {
      return lines[i].kind();
    }

    boolean tabularText(int i) {
      if (lines[i].text().length() > MAX_TABLE_TEXT) {
        return false;
      }
      String t = lines[i].text().trim();
      if (FOOTNOTE_START.matcher(t).matches() && t.length() > 40) {
        return false;
      }
      if (capsHeading(t) || (t.endsWith(":") && t.length() <= 70) || (t.length() <= 40 && t.split(" ").length <= 6)) {
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
        case TEXT -> tabularText(i) || headerLike(lines[i]);
      };
    }

    List<RawTable> find() {
      List<RawTable> out = new ArrayList<>();
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
        if (out.size() > MAX_TABLES) {
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
      int length = 0;
      while (j >= 0 && kind(j) != Kind.BLANK && para.size() < 15 && length < 2 * ScannedLine.MAX_TABLE_WIDTH) {
        para.add(0, lines[j].text().trim());
        length += lines[j].text().length();
        j--;
      }
      return String.join(" ", para);
    }

    /** Splits a run [s, e] into tables at each header block. */
    List<RawTable> split(int s, int e, String context, int floor) {
      List<int[]> blocks = new ArrayList<>();
      int i = s;
      while (i <= e) {
        if (headerLike(lines[i]) || (kind(i) == Kind.RULE && i + 1 <= e && headerLike(lines[i + 1]))) {
          int b = i;
          boolean any = false;
          while (i <= e && (headerLike(lines[i]) || kind(i) == Kind.RULE)) {
            any |= headerLike(lines[i]);
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
            if (headerLike(lines[m])) {
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
      List<RawTable> out = new ArrayList<>();
      List<int[]> titles = new ArrayList<>();
      for (int[] b : blocks) {
        int t = b[0] - 1;
        int blanks = 0;
        while (t >= floor && kind(t) == Kind.BLANK && blanks < 2) {
          t--;
          blanks++;
        }
        int te = t;
        while (t >= floor && te - t < 6 && kind(t) == Kind.TEXT && lines[t].text().length() <= MAX_TABLE_TEXT
            && !headerLike(lines[t])) {
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
        out.add(new RawTable(List.of(), -1, -1, bodyStart, trimEnd(bodyStart, firstStart - 1), context, true));
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
        out.add(new RawTable(tl, hb[0], hb[1], hb[1] + 1, trimEnd(hb[1] + 1, bodyEnd), "", b > 0 && tt == null));
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

  // ------------------------------------------------------------------ building one table

  /** A table's line ranges before its columns and rows are worked out. */
  private static final class RawTable {
    final List<String> titles;
    final int headerStart;
    final int headerEnd;
    final int bodyStart;
    final int bodyEnd;
    final String context;
    final boolean inherits;

    RawTable(List<String> titles, int headerStart, int headerEnd, int bodyStart, int bodyEnd, String context, boolean inherits) {
      this.titles = titles;
      this.headerStart = headerStart;
      this.headerEnd = headerEnd;
      this.bodyStart = bodyStart;
      this.bodyEnd = bodyEnd;
      this.context = context;
      this.inherits = inherits;
    }

    TextTable build(Optional<String> company, TextTable previous, ScannedLine[] lines,
        org.orebook.quantity.FiscalYearEnd yearEnd) {
      // title: unit line, company name, table name
      Optional<TableUnit> unit = Optional.empty();
      List<String> nameParts = new ArrayList<>();
      StringBuilder unitText = null;
      for (String t : titles) {
        if (unitText != null) {
          unitText.append(' ').append(t);
          if (t.endsWith(")")) {
            unit = TableUnit.parse(unitText.toString());
            unitText = null;
          }
          continue;
        }
        if (t.startsWith("(") && TableUnit.parse(t).isPresent() || t.startsWith("(") && !t.endsWith(")")
            && t.toLowerCase(Locale.ROOT).matches(".*(thousand|million|dollar).*")) {
          if (t.endsWith(")")) {
            unit = TableUnit.parse(t);
          } else {
            unitText = new StringBuilder(t);
          }
          continue;
        }
        if (TableUnit.parse(t).isPresent() && t.toLowerCase(Locale.ROOT).contains("in thousands")) {
          unit = TableUnit.parse(t);
          continue;
        }
        if (company.isPresent() && t.equals(company.get())) {
          continue;
        }
        nameParts.add(t);
      }
      if (unitText != null) {
        unit = TableUnit.parse(unitText.toString());
      }
      // clusters of digits
      List<ScannedLine> body = new ArrayList<>();
      for (int i = bodyStart; i <= bodyEnd && i < lines.length; i++) {
        body.add(lines[i]);
      }
      List<int[]> clusters = clusters(body);
      // header words per cluster
      String stub = "";
      List<Column> columns = new ArrayList<>();
      boolean continues = false;
      if (headerStart >= 0) {
        Header h = header(lines, clusters);
        stub = h.stub;
        List<String> groups = h.group.stream().map(String::trim).toList();
        List<String> owns = h.own.stream().map(String::trim).toList();
        List<Optional<Period>> periods = PeriodHeadings.periods(groups, owns, yearEnd);
        for (int c = 0; c < clusters.size(); c++) {
          columns.add(new Column(c, groups.get(c), owns.get(c), periods.get(c), clusters.get(c)[0], clusters.get(c)[1]));
        }
      } else if (previous != null && aligned(previous.columns(), clusters)) {
        continues = true;
        for (int c = 0; c < clusters.size(); c++) {
          Column p = previous.columns().get(c);
          columns.add(new Column(c, p.group(), p.header(), p.period(), clusters.get(c)[0], clusters.get(c)[1]));
        }
      } else {
        for (int c = 0; c < clusters.size(); c++) {
          columns.add(new Column(c, "", "", Optional.empty(), clusters.get(c)[0], clusters.get(c)[1]));
        }
      }
      String name = String.join(" ", nameParts).trim();
      if (name.isEmpty() && !stub.isEmpty() && !stub.toLowerCase(Locale.ROOT).startsWith("mine")) {
        name = stub;
      }
      if (name.isEmpty() && previous != null && (inherits || continues)) {
        name = previous.name() + (headerStart < 0 && !context.isEmpty() ? ", note" : "");
        continues = true;
      }
      if (name.isEmpty()) {
        name = "table at line " + (bodyStart + 1);
      }
      List<TableRow> rows = rows(body, columns, name);
      int first = titles.isEmpty() ? (headerStart >= 0 ? headerStart : bodyStart) + 1
          : Math.max(1, (headerStart >= 0 ? headerStart : bodyStart) + 1 - titles.size());
      return new TextTable(name, titles, unit, stub, columns, rows, first, bodyEnd + 1, continues,
          headerStart < 0 ? context : "");
    }

    static boolean aligned(List<Column> prev, List<int[]> clusters) {
      if (prev.size() != clusters.size() || prev.isEmpty()) {
        return false;
      }
      for (int c = 0; c < prev.size(); c++) {
        int center2 = clusters.get(c)[0] + clusters.get(c)[1];
        if (Math.abs(center2 - prev.get(c).center2()) > 8) {
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

    Header header(ScannedLine[] lines, List<int[]> clusters) {
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
      Matcher m = Pattern.compile("(?i)\\bEnded\\b").matcher(p.text());
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

    // ---------------------------------------------------------------- rows

    List<TableRow> rows(List<ScannedLine> body, List<Column> columns, String table) {
      List<TableRow> rows = new ArrayList<>();
      List<ScannedLine> pending = new ArrayList<>();
      String[] ctx = {"", ""};
      int[] subIndent = {-1};
      for (ScannedLine l : body) {
        switch (l.kind()) {
          case BLANK -> {
            flush(pending, rows, ctx, subIndent);
            rows.add(new TableRow.Blank(l.number()));
          }
          case RULE -> {
            flush(pending, rows, ctx, subIndent);
            rows.add(new TableRow.Rule(l.number(), l.ruleChar()));
          }
          case TEXT -> {
            if (capsHeading(l.text()) && !l.text().trim().endsWith(":")) {
              flush(pending, rows, ctx, subIndent);
              pending.add(l);
              flush(pending, rows, ctx, subIndent);
            } else {
              pending.add(l);
              if (l.text().trim().endsWith(":")) {
                flushAsOne(pending, rows, ctx, subIndent);
              }
            }
          }
          case NUMBERS, YEARS -> {
            String label = l.label();
            int first = l.number();
            int indent = l.indent();
            if (!pending.isEmpty()) {
              ScannedLine p0 = pending.get(0);
              boolean wrapped = label.isEmpty() || l.indent() > p0.indent()
                  || (pending.size() > 1 && pending.get(1).indent() > p0.indent());
              if (wrapped) {
                StringBuilder sb = new StringBuilder();
                for (ScannedLine p : pending) {
                  append(sb, p.text().trim());
                }
                append(sb, label);
                label = sb.toString().replaceAll("\\s+", " ").trim();
                first = p0.number();
                indent = p0.indent();
                pending.clear();
              } else {
                flush(pending, rows, ctx, subIndent);
              }
            }
            if (!ctx[1].isEmpty() && indent <= subIndent[0]) {
              ctx[1] = "";
            }
            List<Optional<Figure>> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
              cells.add(Optional.empty());
            }
            for (NumberToken t : l.cells()) {
              int c = columnOf(t, columns);
              if (c >= 0 && cells.get(c).isEmpty()) {
                Column col = columns.get(c);
                cells.set(c, Optional.of(new Figure(t.value(), t.decimals(), t.dash(), t.text(), label, c, col.title(),
                    col.period(), table, l.number())));
              }
            }
            rows.add(new TableRow.Values(l.number(), first, label, indent, cells, ctx[0], ctx[1]));
          }
          default -> { }
        }
      }
      flush(pending, rows, ctx, subIndent);
      return rows;
    }

    /**
     * The column a cell is in: the first column its digits overlap, else the nearest within three
     * characters. Columns are the merged, ordered clusters of a table's digits, so a binary search
     * finds it (a row of many cells costs no more than its length).
     */
    static int columnOf(NumberToken t, List<Column> columns) {
      int lo = 0;
      int hi = columns.size();
      while (lo < hi) { // the first column ending after the cell's first digit
        int mid = (lo + hi) >>> 1;
        if (columns.get(mid).digitEnd() <= t.digitStart()) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (lo < columns.size() && columns.get(lo).digitStart() < t.digitEnd()) {
        return columns.get(lo).index();
      }
      int best = -1;
      int d = Integer.MAX_VALUE;
      for (int c = Math.max(0, lo - 1); c <= Math.min(columns.size() - 1, lo); c++) {
        int dc = Math.abs(t.center2() - columns.get(c).center2());
        if (dc < d) {
          d = dc;
          best = columns.get(c).index();
        }
      }
      return d <= 6 ? best : -1;
    }

    /** Label lines that no figures followed: headings (a line and its deeper-indented continuations). */
    static void flush(List<ScannedLine> pending, List<TableRow> rows, String[] ctx, int[] subIndent) {
      int i = 0;
      while (i < pending.size()) {
        ScannedLine p0 = pending.get(i);
        StringBuilder sb = new StringBuilder(p0.text().trim());
        int j = i + 1;
        while (j < pending.size() && pending.get(j).indent() > p0.indent()) {
          append(sb, pending.get(j).text().trim());
          j++;
        }
        heading(rows, p0, sb.toString(), ctx, subIndent);
        i = j;
      }
      pending.clear();
    }

    static void flushAsOne(List<ScannedLine> pending, List<TableRow> rows, String[] ctx, int[] subIndent) {
      StringBuilder sb = new StringBuilder();
      for (ScannedLine p : pending) {
        append(sb, p.text().trim());
      }
      heading(rows, pending.get(0), sb.toString(), ctx, subIndent);
      pending.clear();
    }

    static void heading(List<TableRow> rows, ScannedLine first, String text, String[] ctx, int[] subIndent) {
      String t = text.replaceAll("\\s+", " ").trim();
      rows.add(new TableRow.Heading(first.number(), t, first.indent()));
      if (t.endsWith(":")) {
        ctx[1] = t;
        subIndent[0] = first.indent();
      } else {
        ctx[0] = t;
        ctx[1] = "";
      }
    }
  }

  // ------------------------------------------------------------------ periods

  /** The period a column's header names in a calendar fiscal year (see {@link PeriodHeadings}). */
  static Optional<Period> period(String group, String own) {
    return PeriodHeadings.parse(group, own).flatMap(h -> PeriodHeadings.period(h, org.orebook.quantity.FiscalYearEnd.DECEMBER, 0));
  }

  /** The period a column's header names, if it names one Orebook models (a quarter or a year). */
  static Optional<Period> periodBefore(String group, String own) {
    String all = (group + " " + own).trim();
    Matcher y = YEAR.matcher(own);
    String year = null;
    while (y.find()) {
      year = y.group();
    }
    if (year == null) {
      Matcher gy = YEAR.matcher(group);
      while (gy.find()) {
        year = gy.group();
      }
    }
    if (year == null) {
      return Optional.empty();
    }
    int yr = Integer.parseInt(year);
    String g = all.toLowerCase(Locale.ROOT);
    Matcher mm = MONTH.matcher(own);
    Matcher gm = MONTH.matcher(group);
    int month = mm.find() ? monthNumber(mm.group(1)) : gm.find() ? monthNumber(gm.group(1)) : 12;
    boolean quarter = g.contains("quarter") || g.matches(".*\\b(three|3)[ -]months?\\b.*") || g.matches(".*\\b13[ -]weeks?\\b.*");
    boolean partial = g.matches(".*\\b(six|nine|6|9)[ -]months?\\b.*");
    if (partial) {
      return Optional.empty();
    }
    if (quarter) {
      int q = (month - 1) / 3 + 1;
      for (int o = 0; o < ORDINALS.length; o++) {
        if (g.contains(ORDINALS[o] + " quarter")) {
          q = o + 1;
        }
      }
      return Optional.of(new Period.Quarter(yr, q));
    }
    return Optional.of(new Period.Year(yr));
  }

  private static int monthNumber(String m) {
    String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    String k = m.toLowerCase(Locale.ROOT).substring(0, 3);
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(k)) {
        return i + 1;
      }
    }
    return 12;
  }

  /** For tests and diagnostics: a table's rows as text. */
  public static String describe(TextTable t) {
    StringBuilder sb = new StringBuilder();
    sb.append("== ").append(t.name()).append(" [").append(t.firstLine()).append("-").append(t.lastLine()).append("] unit=")
        .append(t.unit().map(TableUnit::text).orElse("-")).append(" stub=").append(t.stub()).append('\n');
    for (Column c : t.columns()) {
      sb.append("   col ").append(c.index()).append(": ").append(c.title()).append(" -> ")
          .append(c.period().map(Period::code).orElse("-")).append('\n');
    }
    Map<String, Integer> dummy = new LinkedHashMap<>();
    for (TableRow r : t.rows()) {
      switch (r) {
        case TableRow.Heading h -> sb.append(String.format("%4d H %s%n", h.line(), h.text()));
        case TableRow.Rule ru -> sb.append(String.format("%4d %s%n", ru.line(), ru.isDouble() ? "=====" : "-----"));
        case TableRow.Blank b -> { }
        case TableRow.Values v -> {
          sb.append(String.format("%4d V %-50s", v.line(), v.label()));
          for (Optional<Figure> f : v.cells()) {
            sb.append(String.format(" %12s", f.map(Figure::text).orElse("")));
          }
          sb.append("  {").append(v.section()).append(" | ").append(v.subheading()).append("}\n");
        }
      }
    }
    dummy.clear();
    return sb.toString();
  }
}
