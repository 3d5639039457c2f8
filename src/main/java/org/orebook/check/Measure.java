package org.orebook.check;

import org.orebook.edgar.TableUnit;
import org.orebook.quantity.Unit;

/** What kind of quantity a row holds: decides its unit and whether the table's scale applies. */
enum Measure {
  MONEY(Unit.USD, "dollars", null),
  OUNCES(Unit.TROY_OUNCE, "ounces", null),
  TONS(Unit.SHORT_TON, "tons", null),
  TONNES(Unit.TONNE, "tonnes", null),
  POUNDS(Unit.POUND, "pounds", null),
  PER_OUNCE(Unit.USD_PER_OUNCE, null, "ounce"),
  PER_TON(Unit.USD_PER_TON, null, "ton"),
  PER_TONNE(Unit.USD_PER_TONNE, null, "tonne"),
  GRADE_OZ_TON(Unit.OUNCES_PER_TON, null, null),
  GRADE_G_T(Unit.GRAMS_PER_TONNE, null, null),
  PERCENT(Unit.PERCENT, null, null),
  SHARES(Unit.SHARES, "shares", null),
  PER_SHARE(Unit.USD_PER_SHARE, null, "share"),
  DAYS(Unit.DAYS, null, null),
  RATIO(Unit.RATIO, null, null),
  CENTS_PER_POUND(Unit.CENTS_PER_POUND, null, "pound"),
  PER_POUND(Unit.USD_PER_POUND, null, "pound");

  final Unit unit;
  private final String scaledWord;
  private final String perWord;

  Measure(Unit unit, String scaledWord, String perWord) {
    this.unit = unit;
    this.scaledWord = scaledWord;
    this.perWord = perWord;
  }

  /** The power of ten the table's unit line applies to figures of this measure. */
  int exponent(TableUnit u) {
    if (scaledWord == null || u == null || !u.scaled().contains(scaledWord)) {
      return 0;
    }
    return u.exponent();
  }
}
