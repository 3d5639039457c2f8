package org.orebook.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An operating unit (a mine and its mill). Its production and cost figures are on the company's
 * attributable share ({@code ownershipPct}); {@code primaryMetal} is the metal whose ounces divide
 * its unit costs and is empty for a minor source that reports no unit costs.
 */
public record OperatingUnit(
    String id,
    String name,
    String country,
    String segmentId,
    BigDecimal ownershipPct,
    Optional<Metal> primaryMetal,
    List<Metal> byproductMetals,
    String oreTerm,
    String gradeTerm,
    boolean shownInTables) {

  public OperatingUnit {
    byproductMetals = List.copyOf(byproductMetals);
  }

  /** True when the company owns less than all of the unit. */
  public boolean partlyOwned() {
    return ownershipPct.compareTo(BigDecimal.valueOf(100)) < 0;
  }

  /** The primary metal followed by the by-product metals. */
  public List<Metal> metals() {
    var all = new java.util.ArrayList<Metal>();
    primaryMetal.ifPresent(all::add);
    byproductMetals.stream().filter(m -> !all.contains(m)).forEach(all::add);
    return all;
  }
}
