package org.orebook.quantity;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The units a release is reported in. {@link #AS_STORED} prints every figure in the unit it was
 * computed in; {@link #METRIC} and {@link #IMPERIAL} convert mass, grade and per-ton figures exactly
 * (docs/units.md):
 *
 * <ul>
 *   <li>metric: short tons to tonnes (ore, base metal), oz/ton to g/t, dollars per short ton to
 *       dollars per tonne; troy ounces, pounds (and cents per pound) and percent stay;
 *   <li>imperial: tonnes to short tons, g/t to oz/ton, dollars per tonne to dollars per short ton,
 *       grams and kilograms of precious metal to troy ounces.
 * </ul>
 *
 * <p>The mapping is by unit, not by figure, so any figure of a convertible unit follows it. This
 * class is immutable and thread-safe.
 */
public enum UnitSystem {
  AS_STORED("stored", Map.of()),
  METRIC("metric", Map.of(
      Unit.SHORT_TON, Unit.TONNE,
      Unit.OUNCES_PER_TON, Unit.GRAMS_PER_TONNE,
      Unit.USD_PER_TON, Unit.USD_PER_TONNE)),
  IMPERIAL("imperial", Map.of(
      Unit.TONNE, Unit.SHORT_TON,
      Unit.GRAMS_PER_TONNE, Unit.OUNCES_PER_TON,
      Unit.USD_PER_TONNE, Unit.USD_PER_TON,
      Unit.GRAM, Unit.TROY_OUNCE,
      Unit.KILOGRAM, Unit.TROY_OUNCE));

  private final String code;
  private final Map<Unit, Unit> targets;

  UnitSystem(String code, Map<Unit, Unit> targets) {
    this.code = code;
    this.targets = targets;
  }

  /** The spelling of the command line and the web ({@code metric}, {@code imperial}, {@code stored}). */
  public String code() {
    return code;
  }

  public static Optional<UnitSystem> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }

  /** The unit a figure in {@code unit} is reported in: a different unit when it converts, else itself. */
  public Unit target(Unit unit) {
    return targets.getOrDefault(unit, unit);
  }
}
