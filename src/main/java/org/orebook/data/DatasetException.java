package org.orebook.data;

import java.util.List;
import java.util.stream.Collectors;

/** A dataset that cannot be used: every error found, located. Nothing is computed from it. */
public final class DatasetException extends Exception {
  private final transient List<DataError> errors;

  public DatasetException(List<DataError> errors) {
    super(errors.size() + " error(s) in dataset:\n"
        + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<DataError> errors() {
    return errors;
  }
}
