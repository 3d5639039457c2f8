package org.orebook.ledger;

import org.orebook.data.DataError;

/**
 * A row of the ledger or the production log that cannot be used, located by file, line and field,
 * with the row's text. {@code kind} groups rows for the counts ({@code amount}, {@code unit},
 * {@code account}, {@code date outside the periods}, ...).
 */
public record BadRow(String file, long line, String field, String kind, String reason, String text) {
  /** As a dataset error: "ledger.csv, line 17, field 'amount': unparsable amount '12x'". */
  public DataError toError() {
    return new DataError(file, line, field, reason);
  }

  @Override
  public String toString() {
    return toError().toString();
  }
}
