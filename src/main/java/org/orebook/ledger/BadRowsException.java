package org.orebook.ledger;

import org.orebook.scan.BadRows;

/** The raw files have bad rows and the run was not asked to skip them: nothing was written. */
public final class BadRowsException extends Exception {
  private final transient BadRows badRows;

  public BadRowsException(BadRows badRows) {
    super(badRows.count() + " bad row(s) in the ledger and the production log");
    this.badRows = badRows;
  }

  public BadRows badRows() {
    return badRows;
  }
}
