package org.orebook.edgar;

import java.util.List;
import java.util.Optional;
import org.orebook.quantity.Period;

/**
 * What the reader found in a release: its tables, the company name the tables repeat, and the
 * latest period their columns name (the period of the release).
 */
public record ReleaseText(String source, int lineCount, List<TextTable> tables, Optional<String> companyName,
    Optional<Period> latestYear, List<String> notes) {
  public ReleaseText {
    tables = List.copyOf(tables);
    notes = List.copyOf(notes);
  }

  public int figureCount() {
    return tables.stream().mapToInt(t -> t.figures().size()).sum();
  }
}
