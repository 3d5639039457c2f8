package org.orebook.data;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A dataset that cannot be used: the errors found, located. Nothing is computed from it. The
 * message lists the first {@link #SHOWN} errors and says how many there are in all; at most
 * {@link #KEPT} are kept (a file of a million bad rows is reported, not echoed).
 */
public final class DatasetException extends Exception {
  /** Errors listed in the message. */
  public static final int SHOWN = 50;
  /** Errors kept in {@link #errors()}. */
  public static final int KEPT = 1_000;

  private final transient List<DataError> errors;
  private final long total;

  public DatasetException(List<DataError> errors) {
    this(errors, errors.size());
  }

  /** The errors found (at most {@link #KEPT} are kept) and how many there were in all. */
  public DatasetException(List<DataError> errors, long total) {
    super(message(errors, Math.max(total, errors.size())));
    this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), KEPT)));
    this.total = Math.max(total, errors.size());
  }

  private static String message(List<DataError> errors, long total) {
    String shown = errors.stream().limit(SHOWN).map(e -> "  " + e).collect(Collectors.joining("\n"));
    long more = total - Math.min(SHOWN, errors.size());
    return total + " error(s) in dataset:\n" + shown + (more > 0 ? "\n  ... and " + more + " more" : "");
  }

  public List<DataError> errors() {
    return errors;
  }

  /** How many errors were found, kept or not. */
  public long total() {
    return total;
  }
}
