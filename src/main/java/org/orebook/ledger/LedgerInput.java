package org.orebook.ledger;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.orebook.data.DataError;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetFile;
import org.orebook.data.DatasetSource;
import org.orebook.quantity.Period;

/**
 * A raw input folder (docs/input-format.md, "General ledger and production log"): the dataset's
 * structure files (company, segments, units and any optional file other than production and
 * costs), the chart of accounts, the ledger extract, the production log, and optionally the years
 * covered. Opening it reads and checks what the scanners need (unit ids and ownership, accounts,
 * years); the structure is validated in full when the release is produced.
 *
 * <p>This class is immutable and thread-safe.
 */
public record LedgerInput(Path folder, Period releasePeriod, List<UnitShare> units, ChartOfAccounts chart,
    FiscalYears years, Path ledger, Path log) {
  public static final String CHART = "chart_of_accounts.csv";
  public static final String LEDGER = "ledger.csv";
  public static final String LOG = "production_log.csv";
  public static final String YEARS = "fiscal_years.csv";

  /** An operating unit's id and the company's share of it in percent (units.csv). */
  public record UnitShare(String id, BigDecimal ownershipPct) {}

  public LedgerInput {
    units = List.copyOf(units);
  }

  /** The folder with its default file names. */
  public static LedgerInput open(Path folder) throws DatasetException {
    return open(folder, folder.resolve(LEDGER), folder.resolve(LOG), folder.resolve(CHART));
  }

  /** The folder's structure files with a ledger, a log and a chart that may live elsewhere. */
  public static LedgerInput open(Path folder, Path ledger, Path log, Path chartFile) throws DatasetException {
    List<DataError> errors = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      throw new DatasetException(List.of(new DataError(folder.toString(), 0, "", "not a folder")));
    }
    DatasetSource source = DatasetSource.folder(folder);
    for (DatasetFile f : List.of(DatasetFile.PRODUCTION, DatasetFile.COSTS)) {
      if (Files.exists(folder.resolve(f.name()))) {
        errors.add(new DataError(f.name(), 0, "", "the ledger path writes " + f.name()
            + " from the ledger and the production log: remove it from " + folder));
      }
    }
    Period release = null;
    Optional<DatasetSource.SourceFile> company = source.read(DatasetFile.COMPANY.name(), errors);
    if (company.isEmpty()) {
      errors.add(new DataError(DatasetFile.COMPANY.name(), 0, "", "required file is missing from " + folder));
    } else {
      for (DatasetSource.SourceRow r : company.get().rows()) {
        if ("period".equals(r.fields().getOrDefault("field", "").trim())) {
          String v = r.fields().getOrDefault("value", "").trim();
          release = Period.parse(v).orElse(null);
          if (release == null) {
            errors.add(new DataError(DatasetFile.COMPANY.name(), r.line(), "value", "not a period: '" + v + "'"));
          }
        }
      }
      if (release == null && errors.isEmpty()) {
        errors.add(new DataError(DatasetFile.COMPANY.name(), 0, "period", "missing field 'period'"));
      }
    }
    List<UnitShare> units = readUnits(source, errors);
    FiscalYears years = readYears(source, release, errors);
    ChartOfAccounts chart = ChartOfAccounts.read(chartFile, errors);
    for (Path p : List.of(ledger, log)) {
      if (!Files.isRegularFile(p)) {
        errors.add(new DataError(p.getFileName().toString(), 0, "", "required file is missing: " + p));
      }
    }
    if (!errors.isEmpty()) {
      throw new DatasetException(errors);
    }
    return new LedgerInput(folder, release, units, chart, years, ledger, log);
  }

  private static List<UnitShare> readUnits(DatasetSource source, List<DataError> errors) {
    String name = DatasetFile.UNITS.name();
    Optional<DatasetSource.SourceFile> file = source.read(name, errors);
    List<UnitShare> units = new ArrayList<>();
    if (file.isEmpty()) {
      errors.add(new DataError(name, 0, "", "required file is missing from " + source.describe()));
      return units;
    }
    Set<String> ids = new HashSet<>();
    for (DatasetSource.SourceRow r : file.get().rows()) {
      String id = r.fields().getOrDefault("id", "").trim();
      String pct = r.fields().getOrDefault("ownership_pct", "").trim();
      if (id.isEmpty() || !ids.add(id)) {
        errors.add(new DataError(name, r.line(), "id", id.isEmpty() ? "empty unit id" : "duplicate unit '" + id + "'"));
        continue;
      }
      try {
        BigDecimal share = new BigDecimal(pct);
        if (share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
          errors.add(new DataError(name, r.line(), "ownership_pct", "ownership must be more than 0 and at most 100"));
          continue;
        }
        units.add(new UnitShare(id, share));
      } catch (NumberFormatException e) {
        errors.add(new DataError(name, r.line(), "ownership_pct", "not a number: '" + pct + "'"));
      }
    }
    return units;
  }

  /** {@code fiscal_years.csv} (column {@code year}, consecutive years); by default the release year and the year before. */
  private static FiscalYears readYears(DatasetSource source, Period release, List<DataError> errors) {
    Optional<DatasetSource.SourceFile> file = source.read(YEARS, errors);
    if (file.isEmpty()) {
      int y = release == null ? 2000 : release.year();
      return new FiscalYears(y - 1, y);
    }
    List<Integer> years = new ArrayList<>();
    for (DatasetSource.SourceRow r : file.get().rows()) {
      String v = r.fields().getOrDefault("year", "").trim();
      if (!v.matches("\\d{4}")) {
        errors.add(new DataError(YEARS, r.line(), "year", "not a year: '" + v + "' (write 2025)"));
        continue;
      }
      int y = Integer.parseInt(v);
      if (!years.isEmpty() && y != years.get(years.size() - 1) + 1) {
        errors.add(new DataError(YEARS, r.line(), "year", "years must be consecutive, in order: " + y
            + " does not follow " + years.get(years.size() - 1)));
        continue;
      }
      years.add(y);
    }
    if (years.isEmpty()) {
      if (errors.isEmpty()) {
        errors.add(new DataError(YEARS, 0, "year", "no year listed"));
      }
      return new FiscalYears(2000, 2000);
    }
    return new FiscalYears(years.get(0), years.get(years.size() - 1));
  }

  /** Unit id bytes → index in {@link #units()}, for the scanners. */
  ByteKeys unitKeys() {
    List<String> ids = units.stream().map(UnitShare::id).toList();
    int[] idx = new int[ids.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return new ByteKeys(ids, idx);
  }
}
