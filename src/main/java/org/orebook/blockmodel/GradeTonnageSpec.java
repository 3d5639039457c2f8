package org.orebook.blockmodel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What to compute from a block model: where the tonnage comes from (a tonnage column, or density x
 * volume), the grade columns (the first is the cut-off grade unless {@code equivalent} names a
 * metal), the cut-offs, prices and recoveries for an equivalent grade, an optional category column,
 * and the tonnage unit. The same options for the command line and the web form.
 *
 * @param tonnageColumn the tonnage column, or null with {@code densityColumn} and {@code volumeColumn}
 * @param cutoffs cut-offs in the unit of the cut-off grade, any order (they are reported ascending)
 * @param equivalent the metal whose equivalent grade the cut-offs apply to, or null
 * @param prices per metal, in USD per troy ounce (g/t, oz/ton) or per pound (%), for the equivalent grade
 * @param recoveries per metal, a fraction (0.92); a metal without one has recovery 1
 * @param categoryColumn the column to report by, or null
 */
public record GradeTonnageSpec(String tonnageColumn, String densityColumn, String volumeColumn, List<GradeColumn> grades,
    List<BigDecimal> cutoffs, String equivalent, Map<String, BigDecimal> prices, Map<String, BigDecimal> recoveries,
    String categoryColumn, TonnageUnit tonnageUnit) {

  public GradeTonnageSpec {
    grades = List.copyOf(grades);
    cutoffs = List.copyOf(new TreeSet<>(cutoffs)).stream().map(BigDecimal::stripTrailingZeros).distinct().toList();
    prices = Map.copyOf(prices);
    recoveries = Map.copyOf(recoveries);
    tonnageUnit = tonnageUnit == null ? TonnageUnit.T : tonnageUnit;
  }

  /** True when the tonnage of a block is density x volume. */
  public boolean byVolume() {
    return tonnageColumn == null;
  }

  /** The metal the cut-offs apply to: the equivalent's, else the first grade's. */
  public GradeColumn cutoffGrade() {
    String m = equivalent != null ? equivalent : grades.get(0).metal();
    return grades.stream().filter(g -> g.metal().equals(m)).findFirst().orElseThrow();
  }

  /** The problems of the options on their own (before the file's header is read); empty when none. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if ((tonnageColumn == null) == (densityColumn == null || volumeColumn == null)
        || (tonnageColumn != null && (densityColumn != null || volumeColumn != null))) {
      out.add("give either --tonnage COL, or --density COL and --volume COL");
    }
    if (grades.isEmpty()) {
      out.add("give at least one --grade METAL=COLUMN:UNIT");
    }
    if (grades.stream().map(GradeColumn::metal).distinct().count() != grades.size()) {
      out.add("a metal is named by two --grade options");
    }
    if (cutoffs.isEmpty()) {
      out.add("give --cutoffs, e.g. 0.5,1,2");
    } else if (cutoffs.get(0).signum() < 0) {
      out.add("a cut-off is negative: " + cutoffs.get(0).toPlainString());
    }
    if (equivalent != null) {
      if (grades.stream().noneMatch(g -> g.metal().equals(equivalent))) {
        out.add("--equivalent " + equivalent + ": not a metal of a --grade option");
      }
      for (GradeColumn g : grades) {
        BigDecimal p = prices.get(g.metal());
        BigDecimal r = recoveries.getOrDefault(g.metal(), BigDecimal.ONE);
        if (p == null) {
          out.add("--price: no price for " + g.metal() + " (the equivalent grade needs one for every metal)");
        } else if (p.signum() < 0 || (g.metal().equals(equivalent) && p.signum() == 0)) {
          out.add("--price " + g.metal() + "=" + p.toPlainString() + ": must be positive");
        }
        if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0 || (g.metal().equals(equivalent) && r.signum() == 0)) {
          out.add("--recovery " + g.metal() + "=" + r.toPlainString() + ": must be a fraction in (0, 1]");
        }
      }
    } else if (!prices.isEmpty() || !recoveries.isEmpty()) {
      out.add("--price and --recovery are for an equivalent grade: give --equivalent METAL too");
    }
    List<String> names = new ArrayList<>();
    names.addAll(prices.keySet());
    names.addAll(recoveries.keySet());
    for (String m : names) {
      if (grades.stream().noneMatch(g -> g.metal().equals(m))) {
        out.add("--price/--recovery name " + m + ", which is not a metal of a --grade option");
      }
    }
    return out.stream().distinct().toList();
  }

  /**
   * The spec from the options as typed (command line or web form): blank texts count as not given,
   * {@code grades} are {@code METAL=COL:UNIT}, {@code cutoffs}, {@code prices} and
   * {@code recoveries} comma-separated lists.
   *
   * @throws BlockModelException when an option is malformed (its problems on their own are for {@link #problems})
   */
  public static GradeTonnageSpec of(String tonnage, String density, String volume, String tonnageUnit, List<String> grades,
      List<String> cutoffs, String equivalent, List<String> prices, List<String> recoveries, String category)
      throws BlockModelException {
    List<GradeColumn> g = new ArrayList<>();
    for (String text : grades) {
      if (!text.isBlank()) {
        g.add(GradeColumn.parse(text.strip()));
      }
    }
    String unit = given(tonnageUnit) == null ? "t" : tonnageUnit.strip();
    TonnageUnit u = TonnageUnit.parse(unit)
        .orElseThrow(() -> new BlockModelException("--tonnage-unit '" + unit + "': t or st"));
    return new GradeTonnageSpec(given(tonnage), given(density), given(volume), g, parseCutoffs(cutoffs), given(equivalent),
        parseValues("--price", prices), parseValues("--recovery", recoveries), given(category), u);
  }

  private static String given(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * Parses {@code au=1900,ag=24} (or a list already split at commas) into an ordered map.
   *
   * @throws BlockModelException when an item is not {@code NAME=NUMBER}
   */
  public static Map<String, BigDecimal> parseValues(String option, List<String> items) throws BlockModelException {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (String item : items) {
      for (String part : item.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        int eq = part.indexOf('=');
        BigDecimal v = eq < 1 ? null : number(part.substring(eq + 1).strip());
        if (v == null) {
          throw new BlockModelException(option + " '" + part + "': write METAL=NUMBER, e.g. au=1900");
        }
        out.put(part.substring(0, eq).strip(), v);
      }
    }
    return out;
  }

  /** Parses cut-offs {@code 0.5,1,2}. */
  public static List<BigDecimal> parseCutoffs(List<String> items) throws BlockModelException {
    List<BigDecimal> out = new ArrayList<>();
    for (String item : items) {
      for (String part : item.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        BigDecimal v = number(part.strip());
        if (v == null) {
          throw new BlockModelException("--cutoffs '" + part + "' is not a number");
        }
        out.add(v);
      }
    }
    return out;
  }

  /** A plain decimal (no exponent, no grouping), or null. */
  static BigDecimal number(String s) {
    if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      return null;
    }
    return new BigDecimal(s);
  }
}
