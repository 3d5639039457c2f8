package org.orebook.ledger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.orebook.data.DatasetFile;
import org.orebook.model.Metal;
import org.orebook.quantity.Period;

/**
 * Turns the aggregates into a dataset folder the engine reads (docs/input-format.md): the structure
 * files copied from the raw input folder, and {@code production.csv} and {@code costs.csv} written
 * from the totals, for every unit and every quarter and year covered.
 *
 * <p>The ledger and the log are on a 100% basis (the operation's own books and mill); the dataset
 * is on the company's share, so tons milled, metal produced and every cost are multiplied by
 * {@code ownership_pct / 100} here, exactly (no rounding: a 29.73% share of a cent stays a
 * fraction of a cent). Head grades and days are not shares. Every cost item is written for every
 * unit and period, zero when nothing was posted; production rows are written for a unit and
 * period that the log has rows for, a grade or a quantity for each metal the log reports.
 */
public final class DatasetWriter {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private DatasetWriter() {}

  /** Writes the dataset into {@code dir} (which must exist). */
  public static void write(Path dir, LedgerInput in, LedgerTotals ledger, ProductionTotals production) throws IOException {
    for (DatasetFile f : DatasetFile.ALL) {
      Path src = in.folder().resolve(f.name());
      if (f != DatasetFile.PRODUCTION && f != DatasetFile.COSTS && Files.isRegularFile(src)) {
        Files.copy(src, dir.resolve(f.name()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    FiscalYears years = in.years();
    try (BufferedWriter prod = Files.newBufferedWriter(dir.resolve(DatasetFile.PRODUCTION.name()), StandardCharsets.UTF_8);
         BufferedWriter costs = Files.newBufferedWriter(dir.resolve(DatasetFile.COSTS.name()), StandardCharsets.UTF_8)) {
      prod.write("unit,period,item,metal,value,uom\n");
      costs.write("unit,period,item,value,uom\n");
      for (int u = 0; u < in.units().size(); u++) {
        LedgerInput.UnitShare unit = in.units().get(u);
        for (Period p : years.periods()) {
          writeProduction(prod, unit, u, p, production);
          for (CostCategory c : CostCategory.values()) {
            int y = p.year() - years.first();
            long cents = p instanceof Period.Quarter q ? ledger.cents(u, y * 4 + q.quarter() - 1, c) : ledger.yearCents(u, y, c);
            BigDecimal value = share(BigDecimal.valueOf(cents, 2), unit.ownershipPct());
            costs.write(unit.id() + "," + p.code() + "," + c.code() + "," + plain(c.sign() < 0 ? value.negate() : value) + ",USD\n");
          }
        }
      }
    }
  }

  private static void writeProduction(BufferedWriter out, LedgerInput.UnitShare unit, int u, Period p, ProductionTotals t)
      throws IOException {
    if (!t.hasRows(u, p)) {
      return;
    }
    String head = unit.id() + "," + p.code() + ",";
    out.write(head + "ore_milled,," + plain(share(t.tons(u, p), unit.ownershipPct())) + ",st\n");
    out.write(head + "days,," + t.days(u, p) + ",days\n");
    // a year's grade is its quarters' grades weighted by tons (the catalogue's period relation): given
    // beside all four quarters as well, its 34-digit quotient would not tie to theirs
    boolean quarters = p.isYear() && java.util.stream.IntStream.rangeClosed(1, 4)
        .allMatch(q -> t.hasRows(u, Period.quarter(p.year(), q, p.yearEnd())));
    for (Metal m : Metal.values()) {
      Optional<BigDecimal> g = quarters ? Optional.empty() : t.grade(u, p, m);
      if (g.isPresent()) {
        out.write(head + "grade," + m.name() + "," + plain(g.get()) + "," + (m.precious() ? "oz/ton" : "%") + "\n");
      }
    }
    for (Metal m : Metal.values()) {
      Optional<BigDecimal> q = t.produced(u, p, m);
      if (q.isPresent()) {
        out.write(head + "produced," + m.name() + "," + plain(share(q.get(), unit.ownershipPct())) + ","
            + (m.precious() ? "oz" : "st") + "\n");
      }
    }
  }

  /** The company's share of a 100% figure, exact. */
  static BigDecimal share(BigDecimal whole, BigDecimal ownershipPct) {
    return ownershipPct.compareTo(HUNDRED) == 0 ? whole : whole.multiply(ownershipPct).movePointLeft(2);
  }

  static String plain(BigDecimal v) {
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }
}
