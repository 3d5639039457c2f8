package org.orebook.store;

import java.util.List;
import org.orebook.data.DataError;

/**
 * A write the store refuses, or a read of something that is not there. {@link Kind} tells a
 * caller (the CLI, the web server) how to answer: bad input, forbidden, conflict, not found, busy
 * (another writer held the store longer than the caller waits: try again; nothing was written) or
 * the database failing.
 */
public final class StoreException extends Exception {
  /** Why the store refused. */
  public enum Kind { INVALID, FORBIDDEN, CONFLICT, NOT_FOUND, BUSY, FAILED }

  private final Kind kind;
  private final transient List<DataError> errors;

  public StoreException(Kind kind, String message) {
    this(kind, message, List.of(), null);
  }

  public StoreException(Kind kind, String message, List<DataError> errors, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.errors = List.copyOf(errors);
  }

  public Kind kind() {
    return kind;
  }

  /** The located dataset errors, when the refusal is about the data. */
  public List<DataError> errors() {
    return errors;
  }
}
