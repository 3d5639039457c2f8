package org.orebook.edgar;

import java.util.List;
import java.util.Optional;
import org.orebook.quantity.Period;

/**
 * What the reader found in a release: its tables, the company name the tables repeat, and the
 * latest period their columns name (the period of the release), and every scanned line (for the
 * running text, {@link #sentences()}).
 */
public record ReleaseText(String source, int lineCount, List<TextTable> tables, Optional<String> companyName,
    Optional<Period> latestYear, List<String> notes, List<ScannedLine> scanned) {
  public ReleaseText {
    tables = List.copyOf(tables);
    notes = List.copyOf(notes);
    scanned = List.copyOf(scanned);
  }

  public ReleaseText(String source, int lineCount, List<TextTable> tables, Optional<String> companyName,
      Optional<Period> latestYear, List<String> notes) {
    this(source, lineCount, tables, companyName, latestYear, notes, List.of());
  }

  /** The sentences of the running text outside the tables. */
  public List<Prose.Sentence> sentences() {
    return Prose.sentences(scanned);
  }

  /** The first sentences of the running text (at least {@code max} when there are as many; the rest is not read). */
  public List<Prose.Sentence> sentences(int max) {
    return Prose.sentences(scanned, max);
  }

  public int figureCount() {
    return tables.stream().mapToInt(t -> t.figures().size()).sum();
  }
}
