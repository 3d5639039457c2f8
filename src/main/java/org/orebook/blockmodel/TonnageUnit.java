package org.orebook.blockmodel;

import java.util.Arrays;
import java.util.Optional;

/** The unit of the tonnage column (or of density x volume): metric tonnes or short tons. */
public enum TonnageUnit {
  T("t"),
  ST("st");

  private final String code;

  TonnageUnit(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<TonnageUnit> parse(String code) {
    return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
  }
}
