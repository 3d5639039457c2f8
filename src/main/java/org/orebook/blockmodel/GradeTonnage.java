package org.orebook.blockmodel;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeSet;
import org.orebook.scan.BadRows;
import org.orebook.scan.BadRowsException;
import org.orebook.scan.Chunks;
import org.orebook.scan.ScanSettings;

/**
 * Computes a grade-tonnage table from a block-model CSV: the file is cut into chunks of whole lines
 * and each chunk scanned by a {@link BlockScanner} on one of the worker threads ({@link Chunks});
 * each block lands in the bin of the highest cut-off it reaches; the per-chunk bins are merged
 * (exact integer additions) and the cumulative rows, at or above each cut-off, are their suffix
 * sums. With any bad row nothing is computed: {@link BadRowsException}.
 */
public final class GradeTonnage {
  /** Quotients (average grades, contained metal) carry 34 significant digits; printing rounds. */
  public static final MathContext QUOTIENTS = MathContext.DECIMAL128;

  private GradeTonnage() {}

  /** {@link #run(Path, String, GradeTonnageSpec, ScanSettings)} naming the file by its own name. */
  public static GradeTonnageTable run(Path file, GradeTonnageSpec spec, ScanSettings settings)
      throws IOException, BlockModelException, BadRowsException {
    return run(file, file.getFileName().toString(), spec, settings);
  }

  /**
   * Computes the table of {@code file}, called {@code name} in messages (an upload's original name).
   *
   * @throws BlockModelException when the options do not fit the file (an unknown column, ...)
   * @throws BadRowsException when a row is bad, with every bad row's line and field
   */
  public static GradeTonnageTable run(Path file, String name, GradeTonnageSpec spec, ScanSettings settings)
      throws IOException, BlockModelException, BadRowsException {
    List<String> problems = new ArrayList<>(spec.problems());
    if (!problems.isEmpty()) {
      throw new BlockModelException(problems);
    }
    Chunks.Header header = Chunks.header(file);
    byte[] roles = roles(name, header.columns(), spec);
    CutoffRule rule = CutoffRule.of(spec);
    int metals = spec.grades().size();
    int k = spec.cutoffs().size();
    List<BlockScanner> chunks = Chunks.scan(file, header, settings,
        i -> new BlockScanner(name, null, header.columns(), roles, spec.byVolume(), metals, rule, k));
    BadRows bad = new BadRows();
    bad.add(chunks, 2);
    if (!bad.isEmpty()) {
      throw new BadRowsException(bad, name);
    }
    return merge(name, spec, rule, chunks);
  }

  /** The role of each column of the header; unknown or twice-used columns are problems. */
  static byte[] roles(String name, List<String> columns, GradeTonnageSpec spec) throws BlockModelException {
    byte[] roles = new byte[columns.size()];
    List<String> problems = new ArrayList<>();
    Map<String, String> named = new LinkedHashMap<>();
    if (spec.byVolume()) {
      named.put("--density", spec.densityColumn());
      named.put("--volume", spec.volumeColumn());
    } else {
      named.put("--tonnage", spec.tonnageColumn());
    }
    for (GradeColumn g : spec.grades()) {
      named.put("--grade " + g.metal(), g.column());
    }
    if (spec.categoryColumn() != null) {
      named.put("--category", spec.categoryColumn());
    }
    int m = 0;
    for (Map.Entry<String, String> e : named.entrySet()) {
      String option = e.getKey();
      int at = columns.indexOf(e.getValue());
      byte role = switch (option) {
        case "--tonnage" -> BlockScanner.TONNAGE;
        case "--density" -> BlockScanner.DENSITY;
        case "--volume" -> BlockScanner.VOLUME;
        case "--category" -> BlockScanner.CATEGORY;
        default -> (byte) (BlockScanner.GRADE + m++);
      };
      if (at < 0) {
        problems.add(name + ", line 1: no column '" + e.getValue() + "' (" + option + "); the columns are "
            + String.join(", ", columns));
      } else if (columns.lastIndexOf(e.getValue()) != at) {
        problems.add(name + ", line 1, field '" + e.getValue() + "': the column (" + option + ") is named twice in the header");
      } else if (roles[at] != BlockScanner.SKIP) {
        problems.add(name + ", line 1, field '" + e.getValue() + "': the column is given to two options (" + option + ")");
      } else {
        roles[at] = role;
      }
    }
    if (!problems.isEmpty()) {
      throw new BlockModelException(problems);
    }
    return roles;
  }

  /**
   * Merges the chunks' bins by category name (a hash lookup per category: linear in their number)
   * into exact 128-bit sums, releasing each chunk's bins as it goes; the cumulative rows are
   * computed from the merged bins when read ({@link Rows}), so a table of many categories takes
   * memory for its bins, not for its rows.
   */
  private static GradeTonnageTable merge(String name, GradeTonnageSpec spec, CutoffRule rule, List<BlockScanner> chunks) {
    int metals = spec.grades().size();
    int bins = spec.cutoffs().size() + 1;
    TreeSet<String> names = new TreeSet<>();
    for (BlockScanner c : chunks) {
      names.addAll(c.categories());
    }
    List<String> categories = new ArrayList<>(names);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < categories.size(); i++) {
      index.put(categories.get(i), i);
    }
    int cats = categories.size() + 1;
    int all = cats - 1;
    long[] blocks = new long[cats * bins];
    long[] tonnage = new long[cats * bins * 2];
    long[] metal = new long[cats * bins * metals * 2];
    long read = 0;
    for (BlockScanner c : chunks) {
      read += c.rows;
      List<String> local = c.categories();
      for (int l = 0; l < local.size(); l++) {
        int g = index.get(local.get(l));
        for (int j = 0; j < bins; j++) {
          int from = l * bins + j;
          if (from >= c.blocks.length || c.blocks[from] == 0) {
            continue;
          }
          for (int into : new int[] {g * bins + j, all * bins + j}) {
            blocks[into] += c.blocks[from];
            Int128.addTo(tonnage, into, c.tonnage, from);
            for (int m = 0; m < metals; m++) {
              Int128.addTo(metal, into * metals + m, c.metal, from * metals + m);
            }
          }
        }
      }
      c.release();
    }
    List<String> order = new ArrayList<>(spec.categoryColumn() == null ? List.of() : categories);
    order.add(null);
    Units units = new Units(spec, rule);
    return new GradeTonnageTable(name, spec, read, units.keys(), new Rows(spec, units, order, index, all, blocks, tonnage, metal));
  }

  /**
   * The rows of a table, computed from the merged bins when read: by category (in name order), then
   * all categories; each by ascending cut-off, the sums of the bins at or above it.
   */
  static final class Rows extends AbstractList<GradeTonnageTable.Row> implements RandomAccess {
    private final GradeTonnageSpec spec;
    private final Units units;
    private final List<String> order;
    private final Map<String, Integer> index;
    private final int all;
    private final int bins;
    private final int metals;
    private final long[] blocks;
    private final long[] tonnage;
    private final long[] metal;

    Rows(GradeTonnageSpec spec, Units units, List<String> order, Map<String, Integer> index, int all, long[] blocks,
        long[] tonnage, long[] metal) {
      this.spec = spec;
      this.units = units;
      this.order = order;
      this.index = index;
      this.all = all;
      this.bins = spec.cutoffs().size() + 1;
      this.metals = spec.grades().size();
      this.blocks = blocks;
      this.tonnage = tonnage;
      this.metal = metal;
    }

    @Override
    public int size() {
      return order.size() * (bins - 1);
    }

    @Override
    public GradeTonnageTable.Row get(int i) {
      java.util.Objects.checkIndex(i, size());
      String category = order.get(i / (bins - 1));
      int k = i % (bins - 1);
      int c = category == null ? all : index.get(category);
      long n = 0;
      BigInteger t = BigInteger.ZERO;
      BigInteger[] s = zeros(metals);
      for (int j = bins - 1; j > k; j--) {
        int cell = c * bins + j;
        n += blocks[cell];
        t = t.add(Int128.get(tonnage, cell));
        for (int m = 0; m < metals; m++) {
          s[m] = s[m].add(Int128.get(metal, cell * metals + m));
        }
      }
      return units.row(spec.cutoffs().get(k), category, n, t, s);
    }
  }

  private static BigInteger[] zeros(int n) {
    BigInteger[] a = new BigInteger[n];
    java.util.Arrays.fill(a, BigInteger.ZERO);
    return a;
  }

  /** Turns exact integer sums into a row: scales, averages, contained metal, the equivalent grade. */
  private static final class Units {
    private final GradeTonnageSpec spec;
    private final int tonnageScale;
    private final BigInteger[] coefficients;
    private final int primary;
    private final List<String> keys = new ArrayList<>();

    Units(GradeTonnageSpec spec, CutoffRule rule) {
      this.spec = spec;
      this.tonnageScale = spec.byVolume() ? 12 : 6;
      this.coefficients = rule.coefficients();
      this.primary = rule.metal();
      spec.grades().forEach(g -> keys.add(g.metal()));
      if (spec.equivalent() != null) {
        keys.add(spec.equivalent() + "_eq");
      }
    }

    List<String> keys() {
      return keys;
    }

    GradeTonnageTable.Row row(BigDecimal cutoff, String category, long blocks, BigInteger t, BigInteger[] s) {
      BigDecimal tonnage = new BigDecimal(t, tonnageScale);
      Map<String, BigDecimal> sums = new LinkedHashMap<>();
      Map<String, BigDecimal> grade = new LinkedHashMap<>();
      Map<String, BigDecimal> contained = new LinkedHashMap<>();
      List<GradeColumn> grades = spec.grades();
      for (int m = 0; m < grades.size(); m++) {
        put(grades.get(m), new BigDecimal(s[m], tonnageScale + 6), tonnage, sums, grade, contained, grades.get(m).metal());
      }
      if (coefficients != null) {
        BigInteger eq = BigInteger.ZERO;
        for (int m = 0; m < grades.size(); m++) {
          eq = eq.add(s[m].multiply(coefficients[m]));
        }
        BigDecimal sum = new BigDecimal(eq, tonnageScale + 6).divide(new BigDecimal(coefficients[primary]), QUOTIENTS);
        put(grades.get(primary), sum, tonnage, sums, grade, contained, spec.equivalent() + "_eq");
      }
      return new GradeTonnageTable.Row(cutoff, category, blocks, tonnage.stripTrailingZeros(), sums, grade, contained);
    }

    private void put(GradeColumn g, BigDecimal sum, BigDecimal tonnage, Map<String, BigDecimal> sums,
        Map<String, BigDecimal> grade, Map<String, BigDecimal> contained, String key) {
      sums.put(key, sum.stripTrailingZeros());
      grade.put(key, tonnage.signum() == 0 ? null : sum.divide(tonnage, QUOTIENTS).stripTrailingZeros());
      contained.put(key, contained(g.unit(), sum).stripTrailingZeros());
    }

    /** Contained metal of a tonnage x grade sum: troy ounces for g/t and oz/ton, the tonnage unit for %. */
    private BigDecimal contained(GradeUnit unit, BigDecimal sum) {
      boolean tonnes = spec.tonnageUnit() == TonnageUnit.T;
      return switch (unit) {
        case G_PER_T -> (tonnes ? sum : sum.multiply(GradeUnit.TONNES_PER_ST)).divide(GradeUnit.GRAMS_PER_OZ, QUOTIENTS);
        case OZ_PER_TON -> tonnes ? sum.divide(GradeUnit.TONNES_PER_ST, QUOTIENTS) : sum;
        case PERCENT -> sum.movePointLeft(2);
      };
    }
  }
}
