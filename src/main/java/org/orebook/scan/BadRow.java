package org.orebook.scan;

/**
 * A row of a raw file that cannot be used, located by file, line and field, with the row's text.
 * {@code kind} groups rows for the counts ({@code unparsable amount}, {@code unknown unit},
 * {@code negative tonnage}, ...).
 */
public record BadRow(String file, long line, String field, String kind, String reason, String text) {
  /** "ledger.csv, line 17, field 'amount': unparsable amount '12x'" (the form of a dataset error). */
  @Override
  public String toString() {
    return file + ", line " + line + (field == null || field.isEmpty() ? "" : ", field '" + field + "'") + ": " + reason;
  }
}
