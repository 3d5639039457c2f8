package org.orebook.model;

import java.math.BigDecimal;
import java.util.Optional;

/** A mineral property named in the reserve tables, with the company's interest in it. */
public record Property(String id, String name, String country, BigDecimal ownershipPct, Optional<String> unitId) {
  public boolean partlyOwned() {
    return ownershipPct.compareTo(BigDecimal.valueOf(100)) < 0;
  }
}
