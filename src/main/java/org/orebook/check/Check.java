package org.orebook.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.orebook.edgar.ReleaseReader;
import org.orebook.edgar.ReleaseText;
import org.orebook.edgar.TextTable;
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

  /** Checks a file; the exception says why it is not a release Orebook can check. */
  public static CheckResult file(Path file) throws UnreadableReleaseException {
    return text(ReleaseReader.read(file));
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

  /** Checks a text within {@code limit}. */
  public static CheckResult text(String source, String text, java.time.Duration limit) throws UnreadableReleaseException {
    long deadline = System.nanoTime() + limit.toNanos();
    return text(ReleaseReader.readText(source, text), deadline);
  }

  static CheckResult text(ReleaseText t) throws UnreadableReleaseException {
    return text(t, Long.MAX_VALUE);
  }

  static CheckResult text(ReleaseText t, long deadline) throws UnreadableReleaseException {
    if (t.tables().isEmpty()) {
      throw new UnreadableReleaseException(t.source() + ": no tables found (no rows of figures under a label);"
          + " is this the plain text of a results release?");
    }
    try {
      return checked(t, deadline);
    } catch (RuntimeException e) {
      return withoutTablesThatFail(t, e, deadline);
    }
  }

  private static CheckResult checked(ReleaseText t, long deadline) throws UnreadableReleaseException {
    PublishedRelease pr = Modeller.model(t);
    if (pr.mappedCount() == 0) {
      throw new UnreadableReleaseException(t.source() + ": " + t.tables().size() + " table(s) with " + t.figureCount()
          + " figures, but no row label or column Orebook knows (no periods, units or statement lines)");
    }
    return Checker.check(pr, deadline);
  }

  /**
   * Checks the document without the tables that make modelling or checking fail. The first such
   * table is found by halving: the shortest run of tables from the first that fails ends with it.
   * Each table left out is named in the notes with the reason.
   */
  private static CheckResult withoutTablesThatFail(ReleaseText t, RuntimeException first, long deadline)
      throws UnreadableReleaseException {
    List<TextTable> tables = new ArrayList<>(t.tables());
    List<String> notes = new ArrayList<>(t.notes());
    RuntimeException failure = first;
    for (int skipped = 0; skipped < MAX_SKIPPED_TABLES && !tables.isEmpty(); skipped++) {
      int lo = 1;
      int hi = tables.size();
      RuntimeException at = failure;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        RuntimeException e = failureOf(with(t, tables.subList(0, mid), notes), deadline);
        if (e != null) {
          hi = mid;
          at = e;
        } else {
          lo = mid + 1;
        }
      }
      TextTable bad = tables.remove(lo - 1);
      notes.add("table '" + bad.name() + "' (lines " + bad.firstLine() + "-" + bad.lastLine() + ") was not checked: its"
          + " figures could not be related (" + reason(at) + "); the rest of the document was checked without it");
      if (tables.isEmpty()) {
        break;
      }
      ReleaseText rest = with(t, tables, notes);
      try {
        return checked(rest, deadline);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    throw new UnreadableReleaseException(t.source() + ": the tables could not be related to one another (" + reason(failure)
        + "); " + notes.size() + " note(s): " + String.join("; ", notes));
  }

  private static RuntimeException failureOf(ReleaseText t, long deadline) {
    try {
      checked(t, deadline);
      return null;
    } catch (UnreadableReleaseException e) {
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static ReleaseText with(ReleaseText t, List<TextTable> tables, List<String> notes) {
    return new ReleaseText(t.source(), t.lineCount(), List.copyOf(tables), t.companyName(), t.latestYear(), notes, t.scanned(),
        t.yearEnd(), t.releasePeriod());
  }

  private static String reason(RuntimeException e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? "an inconsistent table" : e.getMessage();
  }
}
