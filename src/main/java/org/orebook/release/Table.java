package org.orebook.release;

import java.util.List;

/**
 * A table of a release: title lines, column headers, rows.
 *
 * @param groups column groups printed above the headers ("Fourth Quarter Ended" over two columns)
 * @param headers per column, its header lines from top to bottom ("Dec. 31,", "2003")
 * @param labelHeader text printed at the left of the last-but-one header line ("HIGHLIGHTS")
 * @param boxed reserve-table style: dashed lines above and below the headers and after the rows
 */
public record Table(
    String id,
    List<String> titleLines,
    List<Group> groups,
    List<List<String>> headers,
    String labelHeader,
    List<Row> rows,
    int labelWidth,
    int cellWidth,
    boolean boxed) {

  public Table {
    titleLines = List.copyOf(titleLines);
    groups = List.copyOf(groups);
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
  }

  /** A column group: a label over {@code span} adjacent columns. */
  public record Group(String label, int span) {}
}
