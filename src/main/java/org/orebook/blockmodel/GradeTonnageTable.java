package org.orebook.blockmodel;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grade-tonnage table: for each category (then all categories together, {@code category} null)
 * and each cut-off, ascending, the blocks at or above the cut-off, their tonnage, average grades and
 * contained metal. Tonnage and the tonnage x grade sums are exact; average grades and contained
 * metal are quotients carried to 34 significant digits ({@link java.math.MathContext#DECIMAL128}).
 * Nothing is rounded here: the formats round when they print.
 *
 * @param file the block model's file name
 * @param spec what was asked
 * @param blocks blocks read
 * @param keys the metals, then the equivalent grade's key ({@code au_eq}) when there is one
 * @param rows the rows, by category (in name order) then all categories, each by ascending cut-off
 */
public record GradeTonnageTable(String file, GradeTonnageSpec spec, long blocks, List<String> keys, List<Row> rows) {
  public GradeTonnageTable {
    keys = List.copyOf(keys);
    rows = rows instanceof GradeTonnage.Rows ? rows : List.copyOf(rows); // computed rows are read, not kept
  }

  /**
   * One row.
   *
   * @param category the category, or null for all categories
   * @param tonnage exact, in the spec's tonnage unit
   * @param tonnageGrade per key, the exact sum of tonnage x grade (tonnage unit x grade unit)
   * @param grade per key, the tonnage-weighted average grade; null when the tonnage is zero
   * @param contained per key, contained metal ({@link GradeTonnageTable#containedUnit})
   */
  public record Row(BigDecimal cutoff, String category, long blocks, BigDecimal tonnage, Map<String, BigDecimal> tonnageGrade,
      Map<String, BigDecimal> grade, Map<String, BigDecimal> contained) {
    public Row {
      tonnageGrade = Collections.unmodifiableMap(new LinkedHashMap<>(tonnageGrade));
      grade = Collections.unmodifiableMap(new LinkedHashMap<>(grade));
      contained = Collections.unmodifiableMap(new LinkedHashMap<>(contained));
    }
  }

  /** The key of the equivalent grade, {@code au_eq}, or null. */
  public String equivalentKey() {
    return spec.equivalent() == null ? null : spec.equivalent() + "_eq";
  }

  /** The grade column behind a key (the equivalent's key gives the metal it is expressed in). */
  public GradeColumn column(String key) {
    String metal = key.equals(equivalentKey()) ? spec.equivalent() : key;
    return spec.grades().stream().filter(g -> g.metal().equals(metal)).findFirst().orElseThrow();
  }

  /** The grade unit of a key: {@code g/t}. */
  public String gradeUnit(String key) {
    return column(key).unit().code();
  }

  /** The unit of a key's contained metal: {@code oz}, or the tonnage unit for a % grade. */
  public String containedUnit(String key) {
    return column(key).unit().containedUnit(spec.tonnageUnit());
  }

  /** The rows of one category (null: all categories). */
  public List<Row> rows(String category) {
    return rows.stream().filter(r -> java.util.Objects.equals(r.category(), category)).toList();
  }

  /** The categories, in name order (empty without a category column). */
  public List<String> categories() {
    List<String> out = new java.util.ArrayList<>();
    for (Row r : rows) {
      if (r.category() != null && (out.isEmpty() || !out.get(out.size() - 1).equals(r.category()))) {
        out.add(r.category());
      }
    }
    return out;
  }
}
