package org.orebook.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** One row written by a change: its version before (null when added) and after (null when removed). */
record RowChange(StoredRow before, StoredRow after) {
  RowChange {
    if (before == null && after == null) {
      throw new IllegalArgumentException("a row change needs a before or an after");
    }
  }

  /** The row as written: the new version, or the removed row's last. */
  StoredRow row() {
    return after != null ? after : before;
  }

  boolean added() {
    return before == null;
  }

  boolean removed() {
    return after == null;
  }

  /** The periods the changes touch, before and after, in order of first appearance. */
  static Set<String> periodsOf(Collection<RowChange> changes) {
    Set<String> out = new LinkedHashSet<>();
    for (RowChange d : changes) {
      if (d.before != null) {
        out.add(d.before.period());
      }
      if (d.after != null) {
        out.add(d.after.period());
      }
    }
    return out;
  }
}
