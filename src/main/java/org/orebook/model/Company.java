package org.orebook.model;

import java.util.List;
import java.util.Optional;
import org.orebook.quantity.Period;

/**
 * A reporting company: its segments and operating units, the metals its summary tables list, and
 * the period of the release. This class is immutable and thread-safe.
 *
 * @param coproductPrices the price basis (of prices.csv) at which co-product costs are allocated by
 *     metal-equivalent value; empty: allocated by each metal's revenue
 * @param reserveStandard the reserve disclosure standard the company names for every period; empty:
 *     by fiscal year (see {@link ReserveCategory.Standard#forYear})
 * @param reserveStandardByYear the standard the company names for single fiscal years (an early
 *     adopter of S-K 1300, say); it overrides {@code reserveStandard} and the rule by year
 * @param reportingUnits the units the company reports in (metric, imperial) when a release asks for
 *     none; empty: figures as stored
 */
public record Company(
    String name,
    String shortName,
    String currency,
    Period releasePeriod,
    List<Metal> metals,
    List<Segment> segments,
    List<OperatingUnit> units,
    Optional<String> coproductPrices,
    Optional<ReserveCategory.Standard> reserveStandard,
    Optional<org.orebook.quantity.UnitSystem> reportingUnits,
    java.util.Map<Integer, ReserveCategory.Standard> reserveStandardByYear,
    java.util.Map<String, Integer> gradeDecimals,
    boolean baseMetalCostsPerTonne) {

  public Company(String name, String shortName, String currency, Period releasePeriod, List<Metal> metals,
      List<Segment> segments, List<OperatingUnit> units) {
    this(name, shortName, currency, releasePeriod, metals, segments, units, Optional.empty(), Optional.empty(),
        Optional.empty(), java.util.Map.of(), java.util.Map.of(), false);
  }

  public Company {
    metals = List.copyOf(metals);
    segments = List.copyOf(segments);
    units = List.copyOf(units);
    reserveStandardByYear = java.util.Map.copyOf(reserveStandardByYear);
    gradeDecimals = java.util.Map.copyOf(gradeDecimals);
  }

  /**
   * The quantity a unit cost of {@code m} is per: a troy ounce of a precious metal; a pound of a base
   * metal, or a tonne where the company chooses (company.csv {@code base_metal_costs,per_tonne}).
   */
  public org.orebook.quantity.Unit costQuantityUnit(Metal m) {
    return m.precious() || !baseMetalCostsPerTonne ? m.costQuantityUnit() : org.orebook.quantity.Unit.METAL_TONNE;
  }

  /** The unit of a cost per unit of {@code m}: dollars per ounce, per pound, or per tonne of metal. */
  public org.orebook.quantity.Unit costUnit(Metal m) {
    return m.precious() || !baseMetalCostsPerTonne ? m.costUnit() : org.orebook.quantity.Unit.USD_PER_METAL_TONNE;
  }

  /** "ounce", "pound" or "tonne". */
  public String costWord(Metal m) {
    return m.precious() || !baseMetalCostsPerTonne ? m.costWord() : "tonne";
  }

  /** "ounces", "pounds" or "tonnes". */
  public String costWords(Metal m) {
    return costWord(m) + "s";
  }

  /** "oz.", "lb" or "t": a unit cost's column word ("$/oz.", "$/lb", "$/t"). */
  public String costAbbreviation(Metal m) {
    return m.precious() || !baseMetalCostsPerTonne ? m.costAbbreviation() : "t";
  }

  /** Decimals of a unit cost of {@code m}: the metal's, whole dollars per tonne of metal. */
  public int costDecimals(Metal m) {
    return m.precious() || !baseMetalCostsPerTonne ? m.costDecimals() : 0;
  }

  /**
   * The decimals the company prints a grade with in one kind of table ({@code production},
   * {@code reserves}, {@code projects}), when company.csv's {@code grade_decimals} sets them for the
   * metal ({@code reserves:AU=2}) or for every metal of the table ({@code reserves=2}); else empty,
   * and the release's rule applies (docs/units.md).
   */
  public Optional<Integer> gradeDecimals(String table, Metal metal) {
    return Optional.ofNullable(gradeDecimals.get(table + ":" + metal.name()))
        .or(() -> Optional.ofNullable(gradeDecimals.get(table)));
  }

  /** When the company's fiscal year ends (its release period's year end). */
  public org.orebook.quantity.FiscalYearEnd fiscalYearEnd() {
    return releasePeriod.yearEnd();
  }

  public Optional<OperatingUnit> unit(String id) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public Optional<Segment> segment(String id) {
    return segments.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public List<OperatingUnit> unitsOf(Segment segment) {
    return units.stream().filter(u -> u.segmentId().equals(segment.id())).toList();
  }

  /** Units whose unit costs are per ounce of {@code metal}. */
  public List<OperatingUnit> unitsWithPrimary(Metal metal) {
    return units.stream().filter(u -> u.primaryMetal().equals(Optional.of(metal))).toList();
  }
}
