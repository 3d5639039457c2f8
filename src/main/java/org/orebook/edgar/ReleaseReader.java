package org.orebook.edgar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.quantity.FiscalYearEnd;
import org.orebook.quantity.Period;

/**
 * Reads a published results release in any of the formats miners publish ({@link SourceFormat}):
 * decodes it ({@link Decoding}), finds its tables (fixed-width text: {@link FixedWidthFinder} and
 * {@link FixedWidthColumns}; HTML, pipe- and tab-separated: {@link Grid} and {@link GridTables}),
 * works out their column headings ({@link PeriodHeadings}) and assembles their rows
 * ({@link RowAssembly}) into one table model ({@link Table}), the same for every format, with the
 * running text as paragraphs. Nothing here knows any particular company: the rules are those of
 * the layouts. This class is stateless and thread-safe.
 */
public final class ReleaseReader {
  /** Largest input read: a results release is a few hundred kilobytes. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;
  /** Most tables kept: beyond this the input is not a release. */
  public static final int MAX_TABLES = 100;
  /** Most lines examined. */
  public static final int MAX_LINES = 2_000_000;

  private static final Pattern ENDED_DATE = Pattern.compile("(?i)(?:ended|as of)\\s+([A-Z][a-z]+)\\.?\\s+\\d{1,2},\\s+((?:19|20)\\d\\d)");

  private ReleaseReader() {}

  /** A table found in a document, before its columns and rows are worked out. */
  interface Draft {
    List<String> titles();

    int firstLine();

    Table build(Build b);
  }

  /** What building a table may use: the company name, the table before it (for a table without headings), the fiscal year. */
  record Build(Optional<String> company, Table previous, Draft previousDraft, FiscalYearEnd yearEnd) {}

  /** What one document (or one document of a submission) holds. */
  record Part(List<Draft> drafts, List<Prose.Paragraph> paragraphs, String plain, List<String> notes) {}

  /** Reads a file, its format detected from its content. */
  public static ReleaseText read(Path file) throws UnreadableReleaseException {
    return read(file, Optional.empty());
  }

  /** Reads a file in the given format, or detected from its content. */
  public static ReleaseText read(Path file, Optional<SourceFormat> format) throws UnreadableReleaseException {
    return read(file.toString(), Decoding.bytes(file), format);
  }

  /** Reads the bytes of a release. */
  public static ReleaseText read(String source, byte[] bytes) throws UnreadableReleaseException {
    return read(source, bytes, Optional.empty());
  }

  public static ReleaseText read(String source, byte[] bytes, Optional<SourceFormat> format) throws UnreadableReleaseException {
    return readText(source, Decoding.text(source, bytes), format);
  }

  /** Reads the text of a release. */
  public static ReleaseText readText(String source, String text) throws UnreadableReleaseException {
    return readText(source, text, Optional.empty());
  }

  public static ReleaseText readText(String source, String text, Optional<SourceFormat> forced)
      throws UnreadableReleaseException {
    if (text.isBlank()) {
      throw new UnreadableReleaseException(source + ": the file holds no text");
    }
    SourceFormat format = forced.orElseGet(() -> SourceFormat.detect(text));
    Part part;
    try {
      part = switch (format) {
        case TEXT -> TextDocument.read(text, 0, 0, false, text);
        case MARKDOWN -> TextDocument.read(text, 0, 0, true, text);
        case HTML -> HtmlDocument.read(text, 0, text.length(), 0);
        case SUBMISSION -> Submission.read(source, text);
      };
    } catch (UnreadableReleaseException e) {
      throw e.getMessage().startsWith(source) ? e : new UnreadableReleaseException(source + ": " + e.getMessage());
    }
    List<String> notes = new ArrayList<>(part.notes());
    if (forced.isPresent()) {
      notes.add("read as " + format.code() + " (--format-in)");
    } else if (format != SourceFormat.TEXT) {
      notes.add("read as " + format.code());
    }
    List<Draft> drafts = part.drafts();
    if (drafts.size() > MAX_TABLES) {
      notes.add("kept the first " + MAX_TABLES + " tables; the rest of the file was not read");
      drafts = drafts.subList(0, MAX_TABLES);
    }
    Optional<String> company = Titles.company(drafts.stream().map(Draft::titles).toList());
    FiscalYearEnd yearEnd = PeriodHeadings.yearEnd(aroundEnded(part.plain()));
    List<Table> tables = new ArrayList<>();
    Table previous = null;
    Draft previousDraft = null;
    for (Draft d : drafts) {
      Table t = d.build(new Build(company, previous, previousDraft, yearEnd));
      tables.add(t);
      previous = t;
      previousDraft = d;
    }
    Optional<Period> latest = latestYear(tables, part.plain(), yearEnd);
    Optional<Period> main = releasePeriod(tables, latest);
    int lineCount = lineCount(text);
    return new ReleaseText(source, lineCount, tables, company, latest, notes, part.paragraphs(), yearEnd, main, format);
  }

  /**
   * The release's year: the latest year of most tables (a projection or guidance table runs into
   * later years, but the statements, production and cost tables end at the release year); else the
   * year of the first "ended Month d, yyyy" of the text.
   */
  private static Optional<Period> latestYear(List<Table> tables, String plain, FiscalYearEnd yearEnd) {
    Map<Integer, Integer> votes = new HashMap<>();
    for (Table t : tables) {
      t.columns().stream().flatMap(c -> c.period().stream()).map(Period::year).max(Integer::compare)
          .ifPresent(y -> votes.merge(y, 1, Integer::sum));
    }
    Optional<Period> latest = votes.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> (Period) new Period.Year(e.getKey(), yearEnd));
    if (latest.isEmpty()) {
      Matcher m = ENDED_DATE.matcher(plain.length() > 1 << 20 ? plain.substring(0, 1 << 20) : plain);
      if (m.find()) {
        Optional<PeriodHeadings.Heading> h = PeriodHeadings.parse("ended", m.group(1) + " 1, " + m.group(2));
        latest = Optional.of(new Period.Year(h.flatMap(x -> x.end()).map(yearEnd::fiscalYearOf)
            .orElse(Integer.parseInt(m.group(2))), yearEnd));
      }
    }
    return latest;
  }

  /**
   * The period the release reports: the latest end of its fiscal year's columns; the year when a
   * year ends then, else the quarter (a third quarter beside its nine months).
   */
  private static Optional<Period> releasePeriod(List<Table> tables, Optional<Period> latest) {
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    int fy = latest.get().year();
    List<Period> ofYear = tables.stream().flatMap(t -> t.columns().stream()).flatMap(c -> c.period().stream())
        .filter(p -> p.year() == fy).toList();
    java.time.LocalDate end = ofYear.stream().map(Period::end).max(java.util.Comparator.naturalOrder()).orElse(null);
    List<Period> atEnd = ofYear.stream().filter(p -> p.end().equals(end)).toList();
    return atEnd.stream().filter(Period::isYear).findFirst().or(() -> atEnd.stream().filter(Period::isQuarter).findFirst())
        .or(() -> atEnd.stream().findFirst()).or(() -> latest);
  }

  /**
   * The text around each "ended" or "ending" (every phrase that states a fiscal year end holds one:
   * "nine months ended March 31", "fiscal year ended June 30"), windows merged: what the fiscal year
   * end is worked out from, without scanning the whole document with every pattern.
   */
  static String aroundEnded(String text) {
    StringBuilder sb = new StringBuilder();
    int n = text.length();
    int covered = 0;
    int from = 0;
    while (true) {
      int at = indexOfEnd(text, from);
      if (at < 0) {
        break;
      }
      int s = Math.max(covered, Math.max(0, at - 150));
      while (s > covered && s > 0 && !Character.isWhitespace(text.charAt(s - 1))) {
        s--;
      }
      int e = Math.min(n, at + 80);
      if (s > covered && sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(text, s, e);
      covered = e;
      from = at + 5;
    }
    return sb.toString();
  }

  /** The next "ende" (of ended, ending) in any case, from {@code from}. */
  private static int indexOfEnd(String t, int from) {
    for (int i = Math.max(0, from); i + 4 < t.length(); i++) {
      char c = t.charAt(i);
      if ((c == 'e' || c == 'E') && (t.charAt(i + 1) | 0x20) == 'n' && (t.charAt(i + 2) | 0x20) == 'd'
          && ((t.charAt(i + 3) | 0x20) == 'e' || (t.charAt(i + 3) | 0x20) == 'i')) {
        return i;
      }
    }
    return -1;
  }

  private static int lineCount(String text) {
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        n++;
      }
    }
    return n;
  }

  /** The period a column's header names in a calendar fiscal year (see {@link PeriodHeadings}). */
  static Optional<Period> period(String group, String own) {
    return PeriodHeadings.parse(group, own).flatMap(h -> PeriodHeadings.period(h, FiscalYearEnd.DECEMBER, 0));
  }

  /** For tests and diagnostics: a table's rows as text. */
  public static String describe(Table t) {
    StringBuilder sb = new StringBuilder();
    sb.append("== ").append(t.name()).append(" [").append(t.firstLine()).append("-").append(t.lastLine()).append("] unit=")
        .append(t.unit().map(TableUnit::text).orElse("-")).append(" stub=").append(t.stub()).append('\n');
    for (Column c : t.columns()) {
      sb.append("   col ").append(c.index()).append(": ").append(c.title()).append(" -> ")
          .append(c.period().map(Period::code).orElse("-")).append('\n');
    }
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
    return sb.toString();
  }
}
