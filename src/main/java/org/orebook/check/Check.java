package org.orebook.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orebook.edgar.ReleaseReader;
import org.orebook.edgar.ReleaseText;
import org.orebook.edgar.SourceFormat;
import org.orebook.edgar.Table;
import org.orebook.edgar.UnreadableReleaseException;

/**
 * Reads, models and checks a published release in one call. A table the checker cannot make sense
 * of (its figures cannot be modelled or related: misaligned headings that put a percentage over an
 * ounces-per-ton column) is reported in the notes and left out; the rest of the document is checked.
 */
public final class Check {
  /** Tables left out at most before the document as a whole is called unreadable. */
  static final int MAX_SKIPPED_TABLES = 10;

  private Check() {}

  /**
   * How to read a release: its format (detected from the content when empty) and the dictionary
   * (the standard one, or with a company's own wording first).
   */
  public record Options(Optional<SourceFormat> format, ConceptDictionary dictionary) {
    public static Options defaults() {
      return new Options(Optional.empty(), ConceptDictionary.standard());
    }
  }

  /** Checks a file; the exception says why it is not a release Orebook can check, or why nothing could be checked. */
  public static CheckResult file(Path file) throws UnreadableReleaseException {
    return checked(run(file, Options.defaults()));
  }

  /**
   * Checks a text given whole (an upload to the web app), within {@link #DOCUMENT_TIME}: whatever
   * the document holds, one check holds a server thread no longer than that (reading is linear in
   * the text; what is not tested when the time is up is named in a note).
   */
  public static CheckResult text(String source, String text) throws UnreadableReleaseException {
    return text(source, text, DOCUMENT_TIME);
  }

  /** The time one check of a text may take ({@link #text(String, String)}). */
  public static final java.time.Duration DOCUMENT_TIME = java.time.Duration.ofSeconds(20);

  /**
   * Checks a text within {@code limit}. A check that ran out of its time is returned as it is (its
   * note says what was not tested), even when nothing was tested by then.
   */
  public static CheckResult text(String source, String text, java.time.Duration limit) throws UnreadableReleaseException {
    long deadline = System.nanoTime() + limit.toNanos();
    CheckResult r = run(ReleaseReader.readText(source, text), Options.defaults(), deadline);
    return r.release().notes().stream().anyMatch(n -> n.startsWith(Checker.OUT_OF_TIME)) ? r : checked(r);
  }

  /** Reads and checks a file; a result in which nothing could be tested is returned (see {@link CheckResult#nothingChecked()}). */
  public static CheckResult run(Path file, Options options) throws UnreadableReleaseException {
    return run(ReleaseReader.read(file, options.format()), options);
  }

  public static CheckResult run(ReleaseText t, Options options) throws UnreadableReleaseException {
    return run(t, options, Long.MAX_VALUE);
  }

  static CheckResult run(ReleaseText t, Options options, long deadline) throws UnreadableReleaseException {
    if (t.tables().isEmpty()) {
      throw new UnreadableReleaseException(t.source() + ": no tables found (no rows of figures under a label);"
          + " is this a results release?" + (t.notes().isEmpty() ? "" : " (" + String.join("; ", t.notes()) + ")"));
    }
    try {
      return modelAndCheck(t, options, deadline);
    } catch (RuntimeException e) {
      return withoutTablesThatFail(t, options, e, deadline);
    }
  }

  private static CheckResult modelAndCheck(ReleaseText t, Options options, long deadline) {
    PublishedRelease pr = Modeller.model(t, options.dictionary());
    return Checker.check(pr, deadline);
  }

  /**
   * Checks the document without the tables that make modelling or checking fail. The first such
   * table is found by halving: the shortest run of tables from the first that fails ends with it.
   * Each table left out is named in the notes with the reason.
   */
  private static CheckResult withoutTablesThatFail(ReleaseText t, Options options, RuntimeException first, long deadline)
      throws UnreadableReleaseException {
    List<Table> tables = new ArrayList<>(t.tables());
    List<String> notes = new ArrayList<>(t.notes());
    RuntimeException failure = first;
    for (int skipped = 0; skipped < MAX_SKIPPED_TABLES && !tables.isEmpty(); skipped++) {
      int lo = 1;
      int hi = tables.size();
      RuntimeException at = failure;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        RuntimeException e = failureOf(with(t, tables.subList(0, mid), notes), options, deadline);
        if (e != null) {
          hi = mid;
          at = e;
        } else {
          lo = mid + 1;
        }
      }
      Table bad = tables.remove(lo - 1);
      notes.add("table '" + bad.name() + "' (lines " + bad.firstLine() + "-" + bad.lastLine() + ") was not checked: its"
          + " figures could not be related (" + reason(at) + "); the rest of the document was checked without it");
      if (tables.isEmpty()) {
        break;
      }
      try {
        return modelAndCheck(with(t, tables, notes), options, deadline);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    throw new UnreadableReleaseException(t.source() + ": the tables could not be related to one another (" + reason(failure)
        + "); " + notes.size() + " note(s): " + String.join("; ", notes));
  }

  private static RuntimeException failureOf(ReleaseText t, Options options, long deadline) {
    try {
      modelAndCheck(t, options, deadline);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static ReleaseText with(ReleaseText t, List<Table> tables, List<String> notes) {
    return new ReleaseText(t.source(), t.lineCount(), List.copyOf(tables), t.companyName(), t.latestYear(), notes,
        t.paragraphs(), t.yearEnd(), t.releasePeriod(), t.format());
  }

  private static String reason(RuntimeException e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? "an inconsistent table" : e.getMessage();
  }

  static CheckResult text(ReleaseText t) throws UnreadableReleaseException {
    return checked(run(t, Options.defaults()));
  }

  private static CheckResult checked(CheckResult r) throws UnreadableReleaseException {
    if (r.nothingChecked()) {
      throw new UnreadableReleaseException(r.release().text().source() + ": nothing checked: "
          + String.join("; ", reasons(r)));
    }
    return r;
  }

  /** Why nothing could be tested: what was read, what could not be keyed, what no relation had. */
  public static List<String> reasons(CheckResult r) {
    PublishedRelease pr = r.release();
    List<String> out = new ArrayList<>();
    ReleaseText t = pr.text();
    out.add(t.tables().size() + " table(s) with " + t.figureCount() + " figures read");
    long noPeriod = t.tables().stream().flatMap(x -> x.figures().stream()).filter(f -> f.period().isEmpty()).count();
    if (noPeriod > 0) {
      List<String> names = t.tables().stream().filter(x -> x.figures().stream().anyMatch(f -> f.period().isEmpty()))
          .map(x -> "\"" + x.name() + "\" (line " + x.firstLine() + ")").limit(5).toList();
      out.add(noPeriod + " figure(s) stand in columns whose headings name no period (" + String.join(", ", names) + ")");
    }
    if (!pr.unmapped().isEmpty()) {
      out.add(pr.unmapped().size() + " figure(s) under labels Orebook cannot key (" + String.join("; ",
          pr.unmapped().stream().map(f -> "\"" + f.label() + "\"").distinct().limit(6).toList())
          + "; add a company's wording with --dictionary)");
    }
    if (pr.mappedCount() == 0) {
      out.add("no figure could be keyed");
    } else {
      out.add(pr.mappedCount() + " figure(s) keyed, but no relation has all its figures printed (" + r.untested()
          + " relations untested): no subtotal, no total with its parts, no figure printed in two tables");
    }
    if (!r.unevaluated().isEmpty()) {
      out.add(r.unevaluated().size() + " relation(s) printed in full but not evaluated (" + String.join("; ",
          r.unevaluated().stream().map(u -> u.relationId() + ": " + u.reason()).distinct().limit(3).toList()) + ")");
    }
    if (r.prose().isEmpty()) {
      out.add("no number claims in the running text");
    } else {
      out.add(r.prose().size() + " number claim(s) in the running text, none linked to a table figure");
    }
    return out;
  }

  /** The tables of a release with their names, for messages. */
  static String names(List<Table> tables) {
    return String.join(", ", tables.stream().map(Table::name).limit(8).toList());
  }
}
