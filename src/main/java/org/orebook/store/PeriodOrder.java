package org.orebook.store;

import java.util.Comparator;
import java.util.Optional;
import org.orebook.quantity.Period;

/**
 * The order in which the store lists period codes (datasets, period states): newest first, by
 * end date when both are periods the engine reads, else by their codes. The store itself treats a
 * code as a name; this is only its order.
 */
final class PeriodOrder {
  /** Newest first. */
  static final Comparator<String> NEWEST_FIRST = PeriodOrder::compare;

  private PeriodOrder() {}

  private static int compare(String a, String b) {
    Optional<Period> pa = Period.parse(a);
    Optional<Period> pb = Period.parse(b);
    if (pa.isPresent() && pb.isPresent()) {
      int byEnd = pb.get().compareTo(pa.get());
      if (byEnd != 0) {
        return byEnd;
      }
    }
    return b.compareTo(a);
  }
}
