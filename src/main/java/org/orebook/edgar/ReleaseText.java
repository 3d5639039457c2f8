package org.orebook.edgar;

import java.util.List;
import java.util.Optional;
import org.orebook.quantity.FiscalYearEnd;
import org.orebook.quantity.Period;

/**
 * What the reader found in a release, whatever its format: its tables, the company name the tables
 * repeat, the latest fiscal year their columns name, the period the release reports (the latest
 * quarter, or the year when a year ends then), the fiscal year end its headings imply, and the
 * running text as paragraphs (for {@link #sentences()}).
 */
public record ReleaseText(String source, int lineCount, List<Table> tables, Optional<String> companyName,
    Optional<Period> latestYear, List<String> notes, List<Prose.Paragraph> paragraphs, FiscalYearEnd yearEnd,
    Optional<Period> releasePeriod, SourceFormat format) {
  public ReleaseText {
    tables = List.copyOf(tables);
    notes = List.copyOf(notes);
    paragraphs = List.copyOf(paragraphs);
  }

  public ReleaseText(String source, int lineCount, List<Table> tables, Optional<String> companyName,
      Optional<Period> latestYear, List<String> notes) {
    this(source, lineCount, tables, companyName, latestYear, notes, List.of(),
        latestYear.map(Period::yearEnd).orElse(FiscalYearEnd.DECEMBER), latestYear, SourceFormat.TEXT);
  }

  /** The sentences of the running text outside the tables. */
  public List<Prose.Sentence> sentences() {
    return Prose.split(paragraphs);
  }

  /** The first sentences of the running text (at least {@code max} when there are as many; the rest is not read). */
  public List<Prose.Sentence> sentences(int max) {
    return Prose.split(paragraphs, max);
  }

  public int figureCount() {
    return tables.stream().mapToInt(t -> t.figures().size()).sum();
  }
}
