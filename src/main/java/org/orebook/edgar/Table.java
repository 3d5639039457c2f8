package org.orebook.edgar;

import java.util.List;
import java.util.Optional;

/**
 * A table found in the text of a release.
 *
 * @param name a short name for reports: the table's own title line, its stub header, or the title it
 *     continues
 * @param titleLines the title lines above the column headers (company name, statement name, unit line)
 * @param unit the table's unit line, when it has one
 * @param stub the header over the label column ({@code HIGHLIGHTS}, {@code Mine - (Hecla interest in %)})
 * @param continues true when the table has no header of its own and took its columns from the
 *     table before it (a table inside a footnote, the second half of a reserve table)
 * @param context the text just above the table when it has no title (the footnote paragraph that
 *     introduces it), else empty
 */
public record Table(String name, List<String> titleLines, Optional<TableUnit> unit, String stub, List<Column> columns,
    List<TableRow> rows, int firstLine, int lastLine, boolean continues, String context) {
  public Table {
    titleLines = List.copyOf(titleLines);
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public List<TableRow.Values> valueRows() {
    return rows.stream().filter(r -> r instanceof TableRow.Values).map(r -> (TableRow.Values) r).toList();
  }

  public List<Figure> figures() {
    return valueRows().stream().flatMap(v -> v.figures().stream()).toList();
  }
}
