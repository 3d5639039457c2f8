package org.orebook.quantity;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The units Orebook's figures are measured in, each with its dimension and its exact factor to the
 * dimension's base unit (gram for precious-metal mass, kilogram for mass, gram per tonne for
 * precious-metal grade, US dollar per kilogram of ore for a cost per ton, ...).
 *
 * <p>Conversions are exact: a troy ounce is 31.1034768 g, a short ton 907.18474 kg and a pound
 * 0.45359237 kg (all three exact by definition), so 1 oz/ton = 31.1034768 / 0.90718474 g/t =
 * 240/7 g/t. Each factor is kept as an exact fraction of two decimals and a conversion divides
 * once, at the end: the result is exact when it terminates, else carried to {@link Exact#MC}. The
 * codes are the spellings accepted in dataset files.
 */
public enum Unit {
  TROY_OUNCE("oz", Dimension.MASS_PRECIOUS, "31.1034768", "1"),
  GRAM("g", Dimension.MASS_PRECIOUS, "1", "1"),
  KILOGRAM("kg", Dimension.MASS_PRECIOUS, "1000", "1"),
  SHORT_TON("st", Dimension.MASS, "907.18474", "1"),
  TONNE("t", Dimension.MASS, "1000", "1"),
  POUND("lb", Dimension.MASS, "0.45359237", "1"),
  /**
   * A tonne of metal, the divisor of a base-metal cost per tonne where a company costs so: a tonne in
   * every unit system (a metric industry measure, like cents per pound), never converted to short tons.
   */
  METAL_TONNE("t metal", Dimension.MASS, "1000", "1"),
  PERCENT("%", Dimension.FRACTION, "0.01", "1"),
  OUNCES_PER_TON("oz/ton", Dimension.GRADE_PRECIOUS, "31.1034768", "0.90718474"),
  GRAMS_PER_TONNE("g/t", Dimension.GRADE_PRECIOUS, "1", "1"),
  USD("USD", Dimension.MONEY, "1", "1"),
  USD_THOUSANDS("USD000", Dimension.MONEY, "1000", "1"),
  USD_PER_OUNCE("USD/oz", Dimension.MONEY_PER_OUNCE, "1", "1"),
  /** Dollars per short ton (of ore): the cost per ton of a US release. */
  USD_PER_TON("USD/ton", Dimension.MONEY_PER_TON, "1", "907.18474"),
  /** Dollars per tonne (of ore): the cost per ton of a metric release. */
  USD_PER_TONNE("USD/t", Dimension.MONEY_PER_TON, "1", "1000"),
  /** Dollars per tonne of metal: a base-metal unit cost where a company costs per tonne; never converted. */
  USD_PER_METAL_TONNE("USD/t metal", Dimension.MONEY_PER_TON, "1", "1000"),
  CENTS_PER_POUND("cents/lb", Dimension.MONEY_PER_POUND, "1", "1"),
  USD_PER_POUND("USD/lb", Dimension.MONEY_PER_POUND, "100", "1"),
  SHARES("shares", Dimension.COUNT, "1", "1"),
  USD_PER_SHARE("USD/share", Dimension.MONEY_PER_SHARE, "1", "1"),
  DAYS("days", Dimension.TIME, "1", "1"),
  RATIO("ratio", Dimension.FRACTION, "1", "1");

  /** What a unit measures; only units of one dimension convert into each other. */
  public enum Dimension {
    MASS_PRECIOUS, MASS, FRACTION, GRADE_PRECIOUS, MONEY, MONEY_PER_OUNCE, MONEY_PER_TON,
    MONEY_PER_POUND, MONEY_PER_SHARE, COUNT, TIME
  }

  private final String code;
  private final Dimension dimension;
  private final BigDecimal toBaseNumerator;
  private final BigDecimal toBaseDenominator;

  Unit(String code, Dimension dimension, String toBaseNumerator, String toBaseDenominator) {
    this.code = code;
    this.dimension = dimension;
    this.toBaseNumerator = new BigDecimal(toBaseNumerator);
    this.toBaseDenominator = new BigDecimal(toBaseDenominator);
  }

  public String code() {
    return code;
  }

  public Dimension dimension() {
    return dimension;
  }

  /** Factor that turns a value in this unit into the dimension's base unit (to {@link Exact#MC} if it does not terminate). */
  BigDecimal toBase() {
    return Exact.divide(toBaseNumerator, toBaseDenominator);
  }

  public static Optional<Unit> ofCode(String code) {
    return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
  }

  /**
   * The factor that turns one of this unit into {@code target}, as one exact quotient (to
   * {@link Exact#MC} when it does not terminate): 2,000 pounds in a short ton, 1 for the same unit.
   */
  public BigDecimal factorTo(Unit target) {
    return convert(BigDecimal.ONE, target);
  }

  /**
   * Troy ounces contained in one unit of ore ({@code tons}, a mass) at one unit of a precious-metal
   * grade ({@code grade}), as one exact quotient of the units' defining factors: exactly 1 for
   * short tons at oz/ton, 1 / 31.1034768 for tonnes at g/t.
   */
  public static BigDecimal ouncesContained(Unit tons, Unit grade) {
    if (tons.dimension != Dimension.MASS || grade.dimension != Dimension.GRADE_PRECIOUS) {
      throw new IllegalArgumentException("cannot multiply " + tons.code + " by " + grade.code + " into ounces");
    }
    // tons in kg x grade in g/t / 1000 kg per tonne = grams; / 31.1034768 g per troy ounce
    BigDecimal numerator = tons.toBaseNumerator.multiply(grade.toBaseNumerator);
    BigDecimal denominator = tons.toBaseDenominator.multiply(grade.toBaseDenominator).multiply(Exact.KG_PER_TONNE)
        .multiply(Exact.GRAMS_PER_TROY_OUNCE);
    return Exact.divide(numerator, denominator);
  }

  /**
   * Converts exactly: value x (this unit's factor) / (the target's factor), as one quotient of
   * exact products (to {@link Exact#MC} precision when it does not terminate).
   */
  public BigDecimal convert(BigDecimal value, Unit target) {
    if (target == this) {
      return value;
    }
    if (target.dimension != dimension) {
      throw new IllegalArgumentException("cannot convert " + code + " to " + target.code);
    }
    BigDecimal numerator = value.multiply(toBaseNumerator).multiply(target.toBaseDenominator);
    BigDecimal denominator = toBaseDenominator.multiply(target.toBaseNumerator);
    return Exact.divide(numerator, denominator);
  }
}
