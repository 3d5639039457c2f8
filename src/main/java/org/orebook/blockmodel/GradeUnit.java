package org.orebook.blockmodel;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The unit of a grade column, and with it the unit of the contained metal and of its price:
 * <ul>
 *   <li>{@code g/t}: grams per tonne; contained metal in troy ounces, price in USD per troy ounce;
 *   <li>{@code oz/ton}: troy ounces per short ton; contained metal in troy ounces, price in USD per troy ounce;
 *   <li>{@code %}: percent by mass; contained metal in the tonnage unit (tonnes or short tons),
 *       price in USD per pound.
 * </ul>
 * The conversions are exact: a troy ounce is 31.1034768 g, a short ton 0.90718474 t, a pound
 * 0.45359237 kg.
 */
public enum GradeUnit {
  G_PER_T("g/t"),
  OZ_PER_TON("oz/ton"),
  PERCENT("%");

  /** Grams in a troy ounce. */
  public static final BigDecimal GRAMS_PER_OZ = new BigDecimal("31.1034768");
  /** Tonnes in a short ton. */
  public static final BigDecimal TONNES_PER_ST = new BigDecimal("0.90718474");
  /** Tonnes in a pound. */
  public static final BigDecimal TONNES_PER_LB = new BigDecimal("0.00045359237");

  private final String code;

  GradeUnit(String code) {
    this.code = code;
  }

  /** As written on the command line and printed: {@code g/t}, {@code oz/ton}, {@code %}. */
  public String code() {
    return code;
  }

  /** The unit of the contained metal: {@code oz} for g/t and oz/ton, the tonnage unit for %. */
  public String containedUnit(TonnageUnit tonnage) {
    return this == PERCENT ? tonnage.code() : "oz";
  }

  /** The unit of the price of the metal: USD/oz for g/t and oz/ton, USD/lb for %. */
  public String priceUnit() {
    return this == PERCENT ? "USD/lb" : "USD/oz";
  }

  /**
   * The value, in USD per tonne of ore, of one grade unit at a price of 1 in {@link #priceUnit}
   * (recovery 1): 1/31.1034768 for g/t, 1/0.90718474 for oz/ton, 0.01/0.00045359237 for %.
   * Returned as an exact fraction {numerator, denominator}.
   */
  BigDecimal[] valuePerGradeUnit() {
    return switch (this) {
      case G_PER_T -> new BigDecimal[] {BigDecimal.ONE, GRAMS_PER_OZ};
      case OZ_PER_TON -> new BigDecimal[] {BigDecimal.ONE, TONNES_PER_ST};
      case PERCENT -> new BigDecimal[] {new BigDecimal("0.01"), TONNES_PER_LB};
    };
  }

  public static Optional<GradeUnit> parse(String code) {
    return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
  }
}
