package org.orebook.store;

import java.util.List;

/**
 * What a load did: the change id (0 when the dataset was already stored as given), rows added,
 * changed and removed, the approved periods it restated, and the dataset (release period) it
 * replaced.
 */
public record LoadResult(String companyId, long changeId, int added, int changed, int removed,
    List<String> restatedPeriods, String dataset) {
  public boolean unchanged() {
    return changeId == 0;
  }
}
