package org.orebook.model;

import java.util.Arrays;
import java.util.Optional;
import org.orebook.quantity.Unit;

/**
 * The metals a miner reports. Precious metals are counted in troy ounces with grades in ounces per
 * ton (or grams per tonne) and their unit costs are per troy ounce; base metals in tons, tonnes or
 * pounds with grades in percent, and their unit costs are per pound (docs/base-metals.md). Each
 * metal also carries the precision a release prints it with (per-ounce costs of gold in whole
 * dollars, of silver in cents, per-pound costs in cents, ...).
 */
public enum Metal {
  AU("Gold", true, 0, 3, 2, 0),
  AG("Silver", true, 2, 2, 1, 2),
  CU("Copper", false, 2, 2, 2, 1),
  PB("Lead", false, 2, 1, 1, 1),
  ZN("Zinc", false, 2, 1, 1, 1),
  PT("Platinum", true, 0, 3, 2, 0),
  PD("Palladium", true, 0, 3, 2, 0),
  MO("Molybdenum", false, 2, 3, 3, 1),
  NI("Nickel", false, 2, 2, 2, 1);

  private final String displayName;
  private final boolean precious;
  private final int costDecimals;
  private final int productionGradeDecimals;
  private final int reserveGradeDecimals;
  private final int priceDecimals;

  Metal(String displayName, boolean precious, int costDecimals, int productionGradeDecimals,
      int reserveGradeDecimals, int priceDecimals) {
    this.displayName = displayName;
    this.precious = precious;
    this.costDecimals = costDecimals;
    this.productionGradeDecimals = productionGradeDecimals;
    this.reserveGradeDecimals = reserveGradeDecimals;
    this.priceDecimals = priceDecimals;
  }

  public static Optional<Metal> ofCode(String code) {
    return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(code.trim())).findFirst();
  }

  public String displayName() {
    return displayName;
  }

  /** True for metals counted in troy ounces (gold, silver, PGMs). */
  public boolean precious() {
    return precious;
  }

  /** Unit in which production of this metal is counted. */
  public Unit quantityUnit() {
    return precious ? Unit.TROY_OUNCE : Unit.SHORT_TON;
  }

  /** The quantity a unit cost of this metal is per: a troy ounce of a precious metal, a pound of a base metal. */
  public Unit costQuantityUnit() {
    return precious ? Unit.TROY_OUNCE : Unit.POUND;
  }

  /** The unit of a cost per unit of this metal: dollars per ounce, or dollars per pound. */
  public Unit costUnit() {
    return precious ? Unit.USD_PER_OUNCE : Unit.USD_PER_POUND;
  }

  /** "ounce" or "pound": the word of a unit cost ("per ounce", "per pound"). */
  public String costWord() {
    return precious ? "ounce" : "pound";
  }

  /** "ounces" or "pounds". */
  public String costWords() {
    return costWord() + "s";
  }

  /** "oz." or "lb": a unit cost's column word ("$/oz.", "$/lb"). */
  public String costAbbreviation() {
    return precious ? "oz." : "lb";
  }

  /** Unit of its grade in the tables. */
  public Unit gradeUnit() {
    return precious ? Unit.OUNCES_PER_TON : Unit.PERCENT;
  }

  /** Decimals of a cost per unit of this metal (gold $154, silver $1.43). */
  public int costDecimals() {
    return costDecimals;
  }

  public int productionGradeDecimals() {
    return productionGradeDecimals;
  }

  public int reserveGradeDecimals() {
    return reserveGradeDecimals;
  }

  public int priceDecimals() {
    return priceDecimals;
  }

  /** "oz." or "tons": the quantity word production tables print. */
  public String quantityWord() {
    return precious ? "oz." : "tons";
  }
}
