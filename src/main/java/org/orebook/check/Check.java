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

/** Reads, models and checks a published release in one call. */
public final class Check {
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

  public static CheckResult text(String source, String text) throws UnreadableReleaseException {
    return checked(run(ReleaseReader.readText(source, text), Options.defaults()));
  }

  /** Reads and checks a file; a result in which nothing could be tested is returned (see {@link CheckResult#nothingChecked()}). */
  public static CheckResult run(Path file, Options options) throws UnreadableReleaseException {
    return run(ReleaseReader.read(file, options.format()), options);
  }

  public static CheckResult run(ReleaseText t, Options options) throws UnreadableReleaseException {
    if (t.tables().isEmpty()) {
      throw new UnreadableReleaseException(t.source() + ": no tables found (no rows of figures under a label);"
          + " is this a results release?" + (t.notes().isEmpty() ? "" : " (" + String.join("; ", t.notes()) + ")"));
    }
    PublishedRelease pr = Modeller.model(t, options.dictionary());
    return Checker.check(pr);
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
