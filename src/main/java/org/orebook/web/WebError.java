package org.orebook.web;

import java.util.List;
import org.orebook.data.DataError;
import org.orebook.data.DatasetException;
import org.orebook.store.StoreException;

/** A request the server refuses: the HTTP status, the message shown, and any located data errors. */
final class WebError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<DataError> errors;

  WebError(int status, String message) {
    this(status, message, List.of());
  }

  WebError(int status, String message, List<DataError> errors) {
    super(message);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  List<DataError> errors() {
    return errors;
  }

  /**
   * The answer to a store refusal: bad input 400, forbidden 403, not found 404, conflict 409, busy
   * 503 (another writer held the store longer than a request waits: try again), the database
   * failing 500.
   */
  static WebError of(StoreException e) {
    int status = switch (e.kind()) {
      case INVALID -> 400;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case BUSY -> 503;
      case FAILED -> 500;
    };
    String message = switch (e.kind()) {
      case FAILED -> "the database failed; nothing was written";
      case BUSY -> "the store is busy with another change; nothing was written: try again in a moment";
      default -> e.getMessage();
    };
    return new WebError(status, message, e.errors());
  }

  /** A dataset that does not validate or compute: its errors, each located by file, line and field. */
  static WebError of(DatasetException e) {
    return new WebError(400, e.getMessage(), e.errors());
  }
}
