package org.orebook.scan;

/** The raw files have bad rows and the run was not asked to skip them: nothing was written. */
public final class BadRowsException extends Exception {
  private final transient BadRows badRows;

  /** {@code where} names the files: "the ledger and the production log", "model.csv". */
  public BadRowsException(BadRows badRows, String where) {
    super(badRows.count() + " bad row(s) in " + where);
    this.badRows = badRows;
  }

  public BadRows badRows() {
    return badRows;
  }
}
