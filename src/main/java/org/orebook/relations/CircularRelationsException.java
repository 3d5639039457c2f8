package org.orebook.relations;

import org.orebook.facts.FactKey;

/**
 * Relations that compute a figure from itself, found while resolving {@link #key()}: the data links a
 * figure to one computed from it (a statement line linked to a company figure that the catalogue
 * computes from that same line). A fault of the data, which callers locate and report.
 */
public final class CircularRelationsException extends IllegalStateException {
  private final transient FactKey key;

  public CircularRelationsException(FactKey key) {
    super("circular relations through " + key);
    this.key = key;
  }

  /** A figure on the circle. */
  public FactKey key() {
    return key;
  }
}
