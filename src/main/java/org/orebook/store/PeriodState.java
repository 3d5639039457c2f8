package org.orebook.store;

import java.time.Instant;

/**
 * The approval state of one period of a company: {@code draft}, {@code approved} or
 * {@code restated} (approved, then changed with a reason). For approved and restated periods,
 * who first approved it and when.
 */
public record PeriodState(String period, String status, String approvedBy, Instant approvedAt) {
  public boolean isApproved() {
    return !status.equals("draft");
  }
}
