package org.orebook.blockmodel;

import java.util.Objects;

/** A metal, the column holding its grade, and the grade's unit: {@code au=au_gpt:g/t}. */
public record GradeColumn(String metal, String column, GradeUnit unit) {
  public GradeColumn {
    Objects.requireNonNull(metal);
    Objects.requireNonNull(column);
    Objects.requireNonNull(unit);
  }

  /**
   * Parses {@code METAL=COL:UNIT}; the unit is after the last colon, so a column name may hold one.
   *
   * @throws BlockModelException when the text is not of that form or the unit is unknown
   */
  public static GradeColumn parse(String text) throws BlockModelException {
    int eq = text.indexOf('=');
    int colon = text.lastIndexOf(':');
    if (eq < 1 || colon < eq + 2 || colon == text.length() - 1) {
      throw new BlockModelException("--grade '" + text + "': write METAL=COLUMN:UNIT, e.g. au=au_gpt:g/t");
    }
    String unit = text.substring(colon + 1).strip();
    GradeUnit u = GradeUnit.parse(unit).orElseThrow(() -> new BlockModelException(
        "--grade '" + text + "': unknown unit '" + unit + "' (g/t, oz/ton or %)"));
    return new GradeColumn(text.substring(0, eq).strip(), text.substring(eq + 1, colon).strip(), u);
  }
}
