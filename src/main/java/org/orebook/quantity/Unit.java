package org.orebook.quantity;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The units Orebook's figures are measured in, each with its dimension and its exact factor to the
 * dimension's base unit (troy ounce, short ton, US dollar, ...).
 *
 * <p>Conversions are exact: a troy ounce is 31.1034768 g and a short ton 907.18474 kg, so
 * 1 oz/ton = 240/7 g/t. The codes are the spellings accepted in dataset files.
 */
public enum Unit {
  TROY_OUNCE("oz", Dimension.MASS_PRECIOUS, "1"),
  GRAM("g", Dimension.MASS_PRECIOUS, "0.0321507465686280925056720"),
  SHORT_TON("st", Dimension.MASS, "1"),
  TONNE("t", Dimension.MASS, "1.1023113109243879"),
  POUND("lb", Dimension.MASS, "0.0005"),
  PERCENT("%", Dimension.FRACTION, "0.01"),
  OUNCES_PER_TON("oz/ton", Dimension.GRADE_PRECIOUS, "1"),
  GRAMS_PER_TONNE("g/t", Dimension.GRADE_PRECIOUS, "0.029166666666666666666666666666666667"),
  USD("USD", Dimension.MONEY, "1"),
  USD_THOUSANDS("USD000", Dimension.MONEY, "1000"),
  USD_PER_OUNCE("USD/oz", Dimension.MONEY_PER_OUNCE, "1"),
  USD_PER_TON("USD/ton", Dimension.MONEY_PER_TON, "1"),
  CENTS_PER_POUND("cents/lb", Dimension.MONEY_PER_POUND, "1"),
  USD_PER_POUND("USD/lb", Dimension.MONEY_PER_POUND, "100"),
  SHARES("shares", Dimension.COUNT, "1"),
  USD_PER_SHARE("USD/share", Dimension.MONEY_PER_SHARE, "1"),
  DAYS("days", Dimension.TIME, "1"),
  RATIO("ratio", Dimension.FRACTION, "1");

  /** What a unit measures; only units of one dimension convert into each other. */
  public enum Dimension {
    MASS_PRECIOUS, MASS, FRACTION, GRADE_PRECIOUS, MONEY, MONEY_PER_OUNCE, MONEY_PER_TON,
    MONEY_PER_POUND, MONEY_PER_SHARE, COUNT, TIME
  }

  private final String code;
  private final Dimension dimension;
  private final BigDecimal toBase;

  Unit(String code, Dimension dimension, String toBase) {
    this.code = code;
    this.dimension = dimension;
    this.toBase = new BigDecimal(toBase);
  }

  public String code() {
    return code;
  }

  public Dimension dimension() {
    return dimension;
  }

  /** Factor that turns a value in this unit into the dimension's base unit. */
  BigDecimal toBase() {
    return toBase;
  }

  public static Optional<Unit> ofCode(String code) {
    return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
  }

  /** Converts exactly (to {@link Exact#MC} precision for non-terminating ratios). */
  public BigDecimal convert(BigDecimal value, Unit target) {
    if (target == this) {
      return value;
    }
    if (target.dimension != dimension) {
      throw new IllegalArgumentException("cannot convert " + code + " to " + target.code);
    }
    if (this == GRAMS_PER_TONNE && target == OUNCES_PER_TON) {
      return Exact.divide(value.multiply(BigDecimal.valueOf(7)), BigDecimal.valueOf(240));
    }
    if (this == OUNCES_PER_TON && target == GRAMS_PER_TONNE) {
      return Exact.divide(value.multiply(BigDecimal.valueOf(240)), BigDecimal.valueOf(7));
    }
    if (this == GRAM && target == TROY_OUNCE) {
      return Exact.divide(value, Exact.GRAMS_PER_TROY_OUNCE);
    }
    if (this == TROY_OUNCE && target == GRAM) {
      return value.multiply(Exact.GRAMS_PER_TROY_OUNCE);
    }
    if (this == TONNE && target == SHORT_TON) {
      return Exact.divide(value.multiply(Exact.KG_PER_TONNE), Exact.KG_PER_SHORT_TON);
    }
    if (this == SHORT_TON && target == TONNE) {
      return Exact.divide(value.multiply(Exact.KG_PER_SHORT_TON), Exact.KG_PER_TONNE);
    }
    return Exact.divide(value.multiply(toBase), target.toBase);
  }
}
