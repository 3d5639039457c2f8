package org.orebook.data;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.model.ReserveCategory;
import org.orebook.model.Segment;
import org.orebook.model.StatementLine;
import org.orebook.quantity.FiscalYearEnd;
import org.orebook.quantity.Period;
import org.orebook.quantity.Exact;
import org.orebook.quantity.Unit;

/**
 * Reads and validates a dataset folder (format: docs/input-format.md). Every error of every file
 * is collected with file, line and field; if there is any, {@link DatasetException} is thrown and
 * nothing of the dataset is returned: loading is all or nothing.
 */
public final class DatasetLoader {
  private final DatasetSource source;
  private final Errors errors = new Errors();
  /** The errors of the files' shape (missing, unreadable, wrong columns or fields): reported alone, first. */
  private final List<DataError> structural = new ArrayList<>();
  private final FactSet inputs = new FactSet();
  private final Map<FactKey, CsvFile.Row> seen = new HashMap<>();
  /** The company's fiscal year end (company.csv fiscal_year_end), by which every period code is read. */
  private FiscalYearEnd fiscalYearEnd = FiscalYearEnd.DECEMBER;

  private DatasetLoader(DatasetSource source) {
    this.source = source;
  }

  public static Dataset load(Path folder) throws DatasetException {
    if (!Files.isDirectory(folder)) {
      throw new DatasetException(List.of(new DataError(folder.toString(), 0, "", "not a dataset folder")));
    }
    return load(DatasetSource.folder(folder));
  }

  /** Reads and validates a dataset from any source (a folder, or the store). */
  public static Dataset load(DatasetSource source) throws DatasetException {
    return new DatasetLoader(source).run();
  }

  private Dataset run() throws DatasetException {
    Map<String, String> companyFields = new LinkedHashMap<>();
    Map<String, CsvFile.Row> companyRows = new HashMap<>();
    for (CsvFile.Row r : read(DatasetFile.COMPANY)) {
      companyFields.put(r.get("field"), r.get("value"));
      companyRows.put(r.get("field"), r);
    }
    List<Segment> segments = new ArrayList<>();
    for (CsvFile.Row r : read(DatasetFile.SEGMENTS)) {
      if (r.get("id").isEmpty()) {
        error(r, "id", "empty segment id");
      } else if (segments.stream().anyMatch(s -> s.id().equals(r.get("id")))) {
        error(r, "id", "duplicate segment '" + r.get("id") + "'");
      } else {
        segments.add(new Segment(r.get("id"), r.get("name")));
      }
    }
    List<OperatingUnit> units = readUnits(segments);
    Company company = company(companyFields, companyRows, segments, units);
    Set<String> unitIds = new HashSet<>(units.stream().map(OperatingUnit::id).toList());

    readProduction(unitIds);
    readCosts(unitIds);
    readSegmentFigures(segments);
    List<PriceSeries> prices = readPrices();
    if (company != null && company.coproductPrices().isPresent()
        && prices.stream().noneMatch(ps -> ps.basis().equals(company.coproductPrices().get()))) {
      error(companyRows.get("coproduct_prices"), "value", "no prices.csv rows with basis '"
          + company.coproductPrices().get() + "' (the price deck co-product costs are allocated at)");
    }
    List<Property> properties = readProperties(unitIds);
    // reserves.csv holds the reserves at the release's year end, or an interim release's last fiscal year end
    Period reservePeriod = company == null ? null : company.releasePeriod().lastYearEnd();
    List<ReserveRow> reserveRows = readReserves(properties, reservePeriod);
    readEstimates(properties);
    readReserveChanges(properties);
    List<ReserveNote> notes = readReserveNotes(properties);
    List<Hedge> hedges = readHedges();
    List<StatementLine> lines = readStatementLines();
    readStatementValues(lines);
    readPerShare();
    readAisc(unitIds, lines);
    FinanceInputs finance = new FinanceReader(this).read(hedges);
    readHistory();

    if (!structural.isEmpty()) {
      // a file whose shape is wrong makes every row that refers to it look wrong: say only what to fix first
      throw new DatasetException(structural);
    }
    if (!errors.isEmpty() || company == null) {
      throw errors.isEmpty() ? new DatasetException(List.of(new DataError("company.csv", 0, "", "company could not be read")))
          : new DatasetException(errors, errors.total);
    }
    return new Dataset(source.describe(), company, inputs, lines, properties, reserveRows, notes, hedges, prices, finance, history);
  }

  // ---------------------------------------------------------------- helpers

  List<CsvFile.Row> read(DatasetFile file) {
    int before = errors.size();
    long total = errors.total;
    List<CsvFile.Row> rows = CsvFile.read(source, file, errors);
    if (errors.total > total) {
      structural.addAll(errors.subList(before, errors.size()));
    }
    return rows;
  }

  /** The errors found: every one counted, the first {@link DatasetException#KEPT} kept. */
  private static final class Errors extends ArrayList<DataError> {
    long total;

    @Override
    public boolean add(DataError e) {
      total++;
      if (size() < DatasetException.KEPT) {
        super.add(e);
      }
      return true;
    }
  }

  /**
   * A dataset number: plain ASCII digits with an optional minus sign and decimal point
   * ({@code -1234.5}); no exponent, grouping, currency or percent sign, no other script's digits. At
   * most {@link #MAX_INTEGER_DIGITS} digits before the point and {@link #MAX_DECIMALS} after it.
   */
  static Optional<BigDecimal> decimal(String v) {
    int i = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
    int integer = 0;
    int decimals = -1;
    for (; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        if (decimals < 0) {
          integer++;
        } else {
          decimals++;
        }
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Optional.empty();
      }
    }
    if (integer + Math.max(0, decimals) == 0 || integer > MAX_INTEGER_DIGITS || decimals > MAX_DECIMALS) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(v));
  }

  /** Most digits before the decimal point of a dataset number (a hundred quintillion dollars is beyond any company). */
  static final int MAX_INTEGER_DIGITS = 20;
  /** Most digits after the decimal point of a dataset number. */
  static final int MAX_DECIMALS = 50;

  void error(CsvFile.Row r, String field, String message) {
    errors.add(new DataError(r.file(), r.line(), field, message));
  }

  Optional<BigDecimal> number(CsvFile.Row r, String field) {
    String v = r.get(field);
    if (v.isEmpty()) {
      error(r, field, "missing number");
      return Optional.empty();
    }
    Optional<BigDecimal> d = decimal(v);
    if (d.isEmpty()) {
      error(r, field, "not a number: '" + (v.length() > 40 ? v.substring(0, 40) + "...' (" + v.length() + " characters)"
          : v + "'") + " (write plain decimals such as -1234.5: ASCII digits, at most " + MAX_INTEGER_DIGITS
          + " before the point and " + MAX_DECIMALS + " after it, no exponent or grouping)");
    }
    return d;
  }

  Optional<Period> period(CsvFile.Row r, String field) {
    String v = r.get(field);
    if (v.isEmpty()) {
      error(r, field, "missing period");
      return Optional.empty();
    }
    Optional<Period> p = Period.parse(v, fiscalYearEnd);
    if (p.isEmpty()) {
      error(r, field, "not a period: '" + v + "' (write a quarter Q3 2011, six or nine months 6M 2011 or 9M 2011,"
          + " or a year FY2011; docs/input-format.md lists every form)");
    }
    return p;
  }

  Optional<Metal> metal(CsvFile.Row r, String field) {
    String v = r.get(field);
    if (v.isEmpty()) {
      error(r, field, "missing metal");
      return Optional.empty();
    }
    Optional<Metal> m = Metal.ofCode(v);
    if (m.isEmpty()) {
      error(r, field, "unknown metal '" + v + "' (known: " + Arrays.toString(Metal.values()) + ")");
    }
    return m;
  }

  Optional<Unit> uom(CsvFile.Row r, String field, List<Unit> allowed) {
    String v = r.get(field);
    Optional<Unit> u = Unit.ofCode(v);
    if (u.isEmpty() || !allowed.contains(u.get())) {
      error(r, field, "unknown unit of measure '" + v + "' here (expected "
          + String.join(" or ", allowed.stream().map(Unit::code).toList()) + ")");
      return Optional.empty();
    }
    return u;
  }

  /** Adds an input figure, rejecting a second row for the same figure. */
  boolean put(CsvFile.Row r, FactKey key, BigDecimal value, Unit unit, String keyFields) {
    return putInto(inputs, r, key, value, unit, keyFields);
  }

  /** Adds an input figure to {@code target}, rejecting a second row for the same figure. */
  boolean putInto(FactSet target, CsvFile.Row r, FactKey key, BigDecimal value, Unit unit, String keyFields) {
    CsvFile.Row first = seen.putIfAbsent(key, r);
    if (first != null) {
      error(r, keyFields, "duplicate row: the same figure is already given on line " + first.line());
      return false;
    }
    target.add(new Fact(key, value, unit, new Origin.Input(r.file(), r.line(), "value")));
    return true;
  }

  /** The errors found so far. */
  List<DataError> errors() {
    return errors;
  }

  // ---------------------------------------------------------------- company and units

  private Company company(Map<String, String> f, Map<String, CsvFile.Row> rows, List<Segment> segments,
      List<OperatingUnit> units) {
    for (String required : List.of("name", "period")) {
      if (!f.containsKey(required) || f.get(required).isEmpty()) {
        errors.add(new DataError("company.csv", 0, required, "missing field '" + required + "'"));
      }
    }
    if (f.getOrDefault("name", "").length() > MAX_NAME) {
      error(rows.get("name"), "value", "a company name of " + f.get("name").length() + " characters; at most " + MAX_NAME);
    }
    String shortName = f.getOrDefault("short_name", "").isEmpty() ? f.getOrDefault("name", "") : f.get("short_name");
    if (shortName.length() > MAX_SHORT_NAME) {
      error(rows.get(f.getOrDefault("short_name", "").isEmpty() ? "name" : "short_name"), "value", "the company's id in the"
          + " store is made from its short name (or its name): at most " + MAX_SHORT_NAME + " characters, not "
          + shortName.length() + (f.getOrDefault("short_name", "").isEmpty() ? " (give a short_name)" : ""));
    }
    if (!f.getOrDefault("fiscal_year_end", "").isEmpty()) {
      Optional<FiscalYearEnd> fye = FiscalYearEnd.parse(f.get("fiscal_year_end"));
      if (fye.isEmpty()) {
        error(rows.get("fiscal_year_end"), "value", "not a fiscal year end: '" + f.get("fiscal_year_end")
            + "' (write the month's last day as MM-DD, e.g. 06-30; December 31 when left out)");
      } else {
        fiscalYearEnd = fye.get();
      }
    }
    if (!f.containsKey("period")) {
      return null;
    }
    Optional<Period> p = period(rows.get("period"), "value");
    List<Metal> metals = new ArrayList<>();
    if (f.containsKey("metals")) {
      for (String code : f.get("metals").split("\\s+")) {
        if (code.isEmpty()) {
          continue;
        }
        Optional<Metal> m = Metal.ofCode(code);
        if (m.isEmpty()) {
          error(rows.get("metals"), "value", "unknown metal '" + code + "'");
        } else {
          metals.add(m.get());
        }
      }
    } else {
      units.forEach(u -> u.metals().stream().filter(m -> !metals.contains(m)).forEach(metals::add));
    }
    if (p.isEmpty() || !f.containsKey("name")) {
      return null;
    }
    String coproduct = f.getOrDefault("coproduct_prices", "");
    Optional<ReserveCategory.Standard> standard = Optional.empty();
    Map<Integer, ReserveCategory.Standard> standardByYear = new java.util.TreeMap<>();
    for (String token : f.getOrDefault("reserve_standard", "").trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      // 'sk1300' names every period; 'FY2020:sk1300' one fiscal year
      int colon = token.indexOf(':');
      Optional<ReserveCategory.Standard> named = ReserveCategory.Standard.ofCode(token.substring(colon + 1));
      Optional<Period> year = colon < 0 ? Optional.empty() : Period.parse(token.substring(0, colon))
          .filter(x -> x instanceof Period.Year);
      if (named.isEmpty()) {
        error(rows.get("reserve_standard"), "value", "unknown reserve standard '" + token.substring(colon + 1)
            + "' (expected guide7 or sk1300, for every period or as FY2020:sk1300 for one year; leave it out for"
            + " S-K 1300 from fiscal 2021, Guide 7 before)");
      } else if (colon >= 0 && year.isEmpty()) {
        error(rows.get("reserve_standard"), "value", "'" + token + "': the period before ':' must be a fiscal year"
            + " like FY2020");
      } else if (colon >= 0 && standardByYear.put(year.get().year(), named.get()) != null) {
        error(rows.get("reserve_standard"), "value", "'" + token + "': the year is named twice");
      } else if (colon < 0 && standard.isPresent()) {
        error(rows.get("reserve_standard"), "value", "'" + token + "': a second standard for every period");
      } else if (colon < 0) {
        standard = named;
      }
    }
    Optional<org.orebook.quantity.UnitSystem> reporting = Optional.empty();
    if (!f.getOrDefault("units", "").isEmpty()) {
      reporting = org.orebook.quantity.UnitSystem.ofCode(f.get("units"))
          .filter(u -> u != org.orebook.quantity.UnitSystem.AS_STORED);
      if (reporting.isEmpty()) {
        error(rows.get("units"), "value", "unknown units '" + f.get("units") + "' (expected metric or imperial)");
      }
    }
    Map<String, Integer> gradeDecimals = new java.util.TreeMap<>();
    for (String token : f.getOrDefault("grade_decimals", "").trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      java.util.regex.Matcher t = java.util.regex.Pattern.compile("(production|reserves|projects)(?::([A-Za-z]{2}))?=(\\d)")
          .matcher(token);
      if (!t.matches() || (t.group(2) != null && Metal.ofCode(t.group(2)).isEmpty())) {
        error(rows.get("grade_decimals"), "value", "'" + token + "': expected a table (production, reserves or projects),"
            + " a metal if one, and the decimals: reserves:AU=2 or production=3");
      } else if (gradeDecimals.put(t.group(1) + (t.group(2) == null ? "" : ":" + t.group(2).toUpperCase(java.util.Locale.ROOT)),
          Integer.parseInt(t.group(3))) != null) {
        error(rows.get("grade_decimals"), "value", "'" + token + "': named twice");
      }
    }
    String perTonne = f.getOrDefault("base_metal_costs", "");
    if (!perTonne.isEmpty() && !perTonne.equals("per_pound") && !perTonne.equals("per_tonne")) {
      error(rows.get("base_metal_costs"), "value", "expected per_pound (the default) or per_tonne, found '" + perTonne + "'");
    }
    return new Company(f.get("name"), f.getOrDefault("short_name", f.get("name")), f.getOrDefault("currency", "USD"),
        p.get(), metals, segments, units, coproduct.isEmpty() ? Optional.empty() : Optional.of(coproduct), standard,
        reporting, standardByYear, gradeDecimals, perTonne.equals("per_tonne"));
  }

  /** Longest company name. */
  static final int MAX_NAME = 200;
  /** Longest short name (the company's id in the store is made from it). */
  static final int MAX_SHORT_NAME = 80;

  private List<OperatingUnit> readUnits(List<Segment> segments) {
    List<OperatingUnit> units = new ArrayList<>();
    for (CsvFile.Row r : read(DatasetFile.UNITS)) {
      String id = r.get("id");
      if (id.isEmpty()) {
        error(r, "id", "empty unit id");
        continue;
      }
      if (units.stream().anyMatch(u -> u.id().equals(id))) {
        error(r, "id", "duplicate unit '" + id + "'");
        continue;
      }
      if (segments.stream().noneMatch(s -> s.id().equals(r.get("segment")))) {
        error(r, "segment", "unknown segment '" + r.get("segment") + "' (not in segments.csv)");
      }
      Optional<BigDecimal> pct = number(r, "ownership_pct");
      if (pct.isPresent() && (pct.get().signum() <= 0 || pct.get().compareTo(BigDecimal.valueOf(100)) > 0)) {
        error(r, "ownership_pct", "ownership must be more than 0 and at most 100");
      }
      Optional<Metal> primary = r.get("primary_metal").isEmpty() ? Optional.empty() : metal(r, "primary_metal");
      List<Metal> byproducts = new ArrayList<>();
      for (String code : r.get("byproduct_metals").split("\\s+")) {
        if (!code.isEmpty()) {
          Metal.ofCode(code).ifPresentOrElse(byproducts::add,
              () -> error(r, "byproduct_metals", "unknown metal '" + code + "'"));
        }
      }
      String shown = r.get("show_in_tables");
      if (!shown.equals("yes") && !shown.equals("no")) {
        error(r, "show_in_tables", "expected yes or no, found '" + shown + "'");
      }
      String ore = r.get("ore_term").isEmpty() ? "milled" : r.get("ore_term");
      String grade = r.get("grade_term").isEmpty() ? "milled" : r.get("grade_term");
      units.add(new OperatingUnit(id, r.get("name"), r.get("country"), r.get("segment"), pct.orElse(BigDecimal.valueOf(100)),
          primary, byproducts, ore, grade, !shown.equals("no")));
    }
    return units;
  }

  // ---------------------------------------------------------------- per unit and period

  private boolean knownUnit(CsvFile.Row r, Set<String> unitIds) {
    String u = r.get("unit");
    if (u.isEmpty()) {
      error(r, "unit", "missing operating unit");
      return false;
    }
    if (!unitIds.contains(u)) {
      error(r, "unit", "unknown operating unit '" + u + "' (not in units.csv)");
      return false;
    }
    return true;
  }

  private void readProduction(Set<String> unitIds) {
    for (CsvFile.Row r : read(DatasetFile.PRODUCTION)) {
      boolean unitOk = knownUnit(r, unitIds);
      Optional<Period> p = period(r, "period");
      Optional<BigDecimal> v = number(r, "value");
      String item = r.get("item");
      Optional<Unit> u;
      Optional<Metal> m = Optional.empty();
      switch (item) {
        case ORE_MILLED -> u = uom(r, "uom", List.of(Unit.SHORT_TON, Unit.TONNE));
        case DAYS -> u = uom(r, "uom", List.of(Unit.DAYS));
        case GRADE -> {
          m = metal(r, "metal");
          u = uom(r, "uom", List.of(Unit.OUNCES_PER_TON, Unit.GRAMS_PER_TONNE, Unit.PERCENT));
        }
        case REVENUE -> {
          m = metal(r, "metal");
          u = uom(r, "uom", List.of(Unit.USD));
        }
        case PRODUCED, COST_BASIS, SOLD, PAYABLE -> {
          m = metal(r, "metal");
          u = m.isPresent() && !m.get().precious() ? uom(r, "uom", List.of(Unit.SHORT_TON, Unit.TONNE, Unit.POUND))
              : uom(r, "uom", List.of(Unit.TROY_OUNCE, Unit.GRAM, Unit.KILOGRAM));
        }
        case PAYABLE_FACTOR -> {
          m = metal(r, "metal");
          u = uom(r, "uom", List.of(Unit.PERCENT));
          if (v.isPresent() && v.get().compareTo(Exact.HUNDRED) > 0) {
            error(r, "value", "a payable share over 100%: " + v.get().toPlainString());
            continue;
          }
        }
        default -> {
          error(r, "item", "unknown production item '" + item + "' (expected ore_milled, days, grade, produced, cost_basis, payable,"
              + " payable_factor, sold, revenue)");
          continue;
        }
      }
      if (v.isPresent() && v.get().signum() < 0) {
        error(r, "value", "negative " + (item.equals(ORE_MILLED) ? "tons" : item.replace('_', ' ')) + ": " + v.get().toPlainString());
        continue;
      }
      if (unitOk && p.isPresent() && v.isPresent() && u.isPresent() && (m.isPresent() || r.get("metal").isEmpty()
          || item.equals(ORE_MILLED) || item.equals(DAYS))) {
        // kept in the unit written: the relations convert exactly where units meet, a release where it prints
        BigDecimal value = v.get();
        Unit unit = u.get();
        put(r, new FactKey(unit(r.get("unit")), item, m.map(Metal::name).orElse(""), p.get()), value, unit,
            "unit,period,item,metal");
      }
    }
  }

  private void readCosts(Set<String> unitIds) {
    for (CsvFile.Row r : read(DatasetFile.COSTS)) {
      boolean unitOk = knownUnit(r, unitIds);
      Optional<Period> p = period(r, "period");
      Optional<BigDecimal> v = number(r, "value");
      String item = r.get("item");
      if (!COST_ITEMS.contains(item)) {
        error(r, "item", "unknown cost item '" + item + "' (expected one of " + String.join(", ", COST_ITEMS) + ")");
        continue;
      }
      Optional<Unit> u = uom(r, "uom", List.of(Unit.USD));
      if (unitOk && p.isPresent() && v.isPresent() && u.isPresent()) {
        put(r, FactKey.of(unit(r.get("unit")), item, p.get()), v.get(), Unit.USD, "unit,period,item");
      }
    }
  }

  /**
   * All-in cost items: at a unit (metal empty) or at the corporate entity (metal: the business that
   * carries them). A row may name the GAAP statement line it is drawn from ({@code statement:line},
   * {@code -} in front when the statement prints the amount negative, as cash flows print capital
   * spending); the row {@code corporate,,period,excluded,...} gives the part of such a line outside
   * AISC and AIC, which must then tie.
   */
  private void readAisc(Set<String> unitIds, List<StatementLine> lines) {
    for (CsvFile.Row r : read(DatasetFile.AISC)) {
      String entity = r.get("entity");
      Optional<Period> p = period(r, "period");
      Optional<BigDecimal> v = number(r, "value");
      Optional<Unit> u = uom(r, "uom", List.of(Unit.USD));
      String item = r.get("item");
      boolean corporate = entity.equals(CORPORATE.toString());
      if (!corporate && !unitIds.contains(entity)) {
        error(r, "entity", entity.isEmpty() ? "missing entity (a unit id or corporate)"
            : "unknown entity '" + entity + "' (expected a unit of units.csv or corporate)");
        continue;
      }
      boolean excluded = item.equals("excluded");
      if (!AISC_ITEMS.contains(item) && !(excluded && corporate)) {
        error(r, "item", "unknown all-in cost item '" + item + "' (expected one of " + String.join(", ", AISC_ITEMS)
            + (corporate ? ", excluded" : "") + ")");
        continue;
      }
      Optional<Metal> m = Optional.empty();
      if (corporate && !excluded) {
        m = metal(r, "metal");
        if (m.isEmpty()) {
          continue;
        }
      } else if (!r.get("metal").isEmpty()) {
        error(r, "metal", excluded ? "the excluded part of a GAAP line belongs to no metal: leave metal empty"
            : "a unit's all-in cost items take no metal (the unit's primary metal applies)");
        continue;
      }
      String gaap = r.get("gaap_line");
      if (!gaap.isEmpty()) {
        String ref = gaap.startsWith("-") ? gaap.substring(1) : gaap;
        int colon = ref.indexOf(':');
        boolean known = colon > 0 && lines.stream()
            .anyMatch(l -> l.statement().equals(ref.substring(0, colon)) && l.id().equals(ref.substring(colon + 1)));
        if (!known) {
          error(r, "gaap_line", "unknown statement line '" + gaap + "' (write statement:line of statement_lines.csv,"
              + " with - in front when the statement prints the amount negative)");
          continue;
        }
      } else if (excluded) {
        error(r, "gaap_line", "the excluded row names the GAAP line it is part of");
        continue;
      }
      if (p.isEmpty() || v.isEmpty() || u.isEmpty()) {
        continue;
      }
      if (excluded) {
        put(r, new FactKey(GAAP, NOT_IN_AIC, gaap, p.get()), v.get(), Unit.USD, "entity,metal,period,item");
        continue;
      }
      Entity e = corporate ? CORPORATE : unit(entity);
      String q = m.map(Metal::name).orElse("");
      if (put(r, new FactKey(e, item, q, p.get()), v.get(), Unit.USD, "entity,metal,period,item") && !gaap.isEmpty()) {
        inputs.add(new Fact(new FactKey(GAAP, GAAP_SOURCE, String.join("|", gaap, e.toString(), item, q), p.get()),
            v.get(), Unit.USD, new Origin.Input(r.file(), r.line(), "gaap_line")));
      }
    }
  }

  private void readSegmentFigures(List<Segment> segments) {
    for (CsvFile.Row r : read(DatasetFile.SEGMENT_FIGURES)) {
      String s = r.get("segment");
      boolean ok = segments.stream().anyMatch(x -> x.id().equals(s));
      if (!ok) {
        error(r, "segment", "unknown segment '" + s + "' (not in segments.csv)");
      }
      Optional<Period> p = period(r, "period");
      Optional<BigDecimal> v = number(r, "value");
      String item = r.get("item");
      if (!List.of(SALES, OTHER_COST_OF_SALES, OTHER_DDA).contains(item)) {
        error(r, "item", "unknown segment item '" + item + "' (expected sales, other_cost_of_sales, other_dda)");
        continue;
      }
      Optional<Unit> u = uom(r, "uom", List.of(Unit.USD));
      if (ok && p.isPresent() && v.isPresent() && u.isPresent()) {
        put(r, FactKey.of(segment(s), item, p.get()), v.get(), Unit.USD, "segment,period,item");
      }
    }
  }

  private final FactSet history = new FactSet();

  /** Prior years' production of a metal, as {@code history/produced[METAL]} figures (never in a table). */
  private void readHistory() {
    for (CsvFile.Row r : read(DatasetFile.HISTORY)) {
      Optional<Metal> m = metal(r, "metal");
      Optional<Period> p = period(r, "period");
      Optional<BigDecimal> v = number(r, "value");
      if (m.isEmpty() || p.isEmpty() || v.isEmpty()) {
        continue;
      }
      Optional<Unit> u = uom(r, "uom", List.of(m.get().quantityUnit()));
      if (!(p.get() instanceof Period.Year)) {
        error(r, "period", "history is by year (FY2001), not '" + r.get("period") + "'");
      } else if (u.isPresent()) {
        FactKey k = new FactKey(Entity.HISTORY, PRODUCED, m.get().name(), p.get());
        if (history.has(k)) {
          error(r, "metal,period", "duplicate history row " + k);
        } else {
          history.add(new Fact(k, v.get(), u.get(), new Origin.Input(r.file(), r.line(), "value")));
        }
      }
    }
  }

  private List<PriceSeries> readPrices() {
    List<PriceSeries> series = new ArrayList<>();
    for (CsvFile.Row r : read(DatasetFile.PRICES)) {
      Optional<Metal> m = metal(r, "metal");
      Optional<Period> p = period(r, "period");
      Optional<BigDecimal> v = number(r, "value");
      Optional<Unit> u = uom(r, "uom", List.of(Unit.USD_PER_OUNCE, Unit.CENTS_PER_POUND, Unit.USD_PER_POUND));
      if (r.get("basis").isEmpty()) {
        error(r, "basis", "missing price basis (e.g. London Final)");
        continue;
      }
      if (m.isPresent() && p.isPresent() && v.isPresent() && u.isPresent()) {
        PriceSeries ps = new PriceSeries(m.get(), r.get("basis"), u.get());
        if (!series.contains(ps)) {
          series.add(ps);
        }
        put(r, new FactKey(Entity.MARKET, PRICE, ps.qualifier(), p.get()), v.get(), u.get(), "metal,period,basis");
      }
    }
    return series;
  }

  // ---------------------------------------------------------------- reserves, hedges

  private List<Property> readProperties(Set<String> unitIds) {
    List<Property> properties = new ArrayList<>();
    for (CsvFile.Row r : read(DatasetFile.PROPERTIES)) {
      String id = r.get("id");
      if (id.isEmpty() || properties.stream().anyMatch(x -> x.id().equals(id))) {
        error(r, "id", id.isEmpty() ? "empty property id" : "duplicate property '" + id + "'");
        continue;
      }
      Optional<BigDecimal> pct = number(r, "ownership_pct");
      String unit = r.get("unit");
      if (!unit.isEmpty() && !unitIds.contains(unit)) {
        error(r, "unit", "unknown operating unit '" + unit + "' (not in units.csv)");
      }
      pct.ifPresent(x -> properties.add(new Property(id, r.get("name"), r.get("country"), x,
          unit.isEmpty() ? Optional.empty() : Optional.of(unit))));
    }
    return properties;
  }

  private List<ReserveRow> readReserves(List<Property> properties, Period period) {
    List<ReserveRow> rows = new ArrayList<>();
    for (CsvFile.Row r : read(DatasetFile.RESERVES)) {
      Optional<ReserveCategory> cat = ReserveCategory.ofCode(r.get("category")).filter(c -> !c.sk1300());
      if (cat.isEmpty()) {
        error(r, "category", "unknown category '" + r.get("category")
            + "' (expected proven_probable, mineralized_material, other_resources; S-K 1300 categories go in estimates.csv)");
        continue;
      }
      Optional<String> known = propertyOf(r, properties);
      if (known.isEmpty()) {
        continue;
      }
      String prop = known.get();
      Optional<BigDecimal> v = number(r, "value");
      if (v.isEmpty() || period == null) {
        continue;
      }
      Entity e = property(prop);
      ReserveRow row = new ReserveRow(cat.get(), prop);
      if (!rows.contains(row)) {
        rows.add(row);
      }
      switch (r.get("item")) {
        case TONS -> {
          if (v.get().signum() < 0) {
            error(r, "value", "negative tons: " + v.get().toPlainString());
            continue;
          }
          Optional<Unit> u = uom(r, "uom", List.of(Unit.SHORT_TON, Unit.TONNE));
          String basis = r.get("basis");
          if (!basis.equals("100%") && !basis.equals("attributable")) {
            error(r, "basis", "expected 100% or attributable, found '" + basis + "'");
            continue;
          }
          // kept in the unit written (tons or tonnes): a release converts when it prints in the other system
          u.ifPresent(unit -> put(r, new FactKey(e, basis.equals("100%") ? TONS_100PCT : TONS, cat.get().code(), period),
              v.get(), unit, "category,property,item"));
        }
        case GRADE -> {
          Optional<Metal> m = metal(r, "metal");
          Optional<Unit> u = uom(r, "uom", List.of(Unit.OUNCES_PER_TON, Unit.GRAMS_PER_TONNE, Unit.PERCENT));
          if (v.get().signum() < 0) {
            error(r, "value", "negative grade: " + v.get().toPlainString());
            continue;
          }
          if (m.isPresent() && u.isPresent()) {
            put(r, new FactKey(e, GRADE, cat.get().code() + ":" + m.get().name(), period), v.get(), u.get(),
                "category,property,item,metal");
          }
        }
        default -> error(r, "item", "unknown reserve item '" + r.get("item") + "' (expected tons or grade)");
      }
    }
    return rows;
  }

  // ---------------------------------------------------------------- S-K 1300 estimates

  private Optional<String> propertyOf(CsvFile.Row r, List<Property> properties) {
    String prop = r.get("property");
    if (properties.stream().noneMatch(x -> x.id().equals(prop))) {
      error(r, "property", prop.isEmpty() ? "missing property" : "unknown property '" + prop + "' (not in properties.csv)");
      return Optional.empty();
    }
    return Optional.of(prop);
  }

  private Optional<Period> yearEnd(CsvFile.Row r) {
    Optional<Period> p = period(r, "period");
    if (p.isPresent() && !(p.get() instanceof Period.Year)) {
      error(r, "period", "estimates are as of a fiscal year end: write FY2025, not '" + r.get("period") + "'");
      return Optional.empty();
    }
    return p;
  }

  /**
   * S-K 1300 estimates: tonnage (short tons or tonnes, 100% or attributable) and grade per metal of
   * each reserve and resource category, and the cut-off, metallurgical recovery and price each
   * estimate assumes. Tonnage is kept in short tons and precious grades in oz/ton, exactly, as the
   * reserve tables are; {@code --units metric} prints them back in tonnes and g/t.
   */
  private void readEstimates(List<Property> properties) {
    for (CsvFile.Row r : read(DatasetFile.ESTIMATES)) {
      Optional<String> prop = propertyOf(r, properties);
      Optional<Period> p = yearEnd(r);
      Optional<BigDecimal> v = number(r, "value");
      String item = r.get("item");
      String category = r.get("category");
      boolean parameter = List.of(CUT_OFF, RECOVERY, PRICE_ASSUMPTION).contains(item);
      Optional<ReserveCategory> cat = ReserveCategory.ofCode(category).filter(ReserveCategory.SK_INPUTS::contains);
      if (parameter ? !category.equals("reserves") && !category.equals("resources") : cat.isEmpty()) {
        error(r, "category", "unknown category '" + category + "' for " + item + " (expected "
            + (parameter ? "reserves or resources" : "proven, probable, measured, indicated or inferred") + ")");
        continue;
      }
      if (v.isPresent() && v.get().signum() < 0 && !item.equals(CUT_OFF)) {
        error(r, "value", "negative " + item.replace('_', ' ') + ": " + v.get().toPlainString());
        continue;
      }
      if (prop.isEmpty() || p.isEmpty() || v.isEmpty()) {
        continue;
      }
      Entity e = property(prop.get());
      String keys = "property,period,category,item,metal";
      switch (item) {
        case "tonnage" -> {
          Optional<Unit> u = uom(r, "uom", List.of(Unit.SHORT_TON, Unit.TONNE));
          String basis = r.get("basis");
          if (!basis.equals("100%") && !basis.equals("attributable")) {
            error(r, "basis", "expected 100% or attributable, found '" + basis + "'");
          } else if (u.isPresent()) {
            put(r, new FactKey(e, basis.equals("100%") ? TONS_100PCT : TONS, cat.get().code(), p.get()),
                v.get(), u.get(), keys);
          }
        }
        case GRADE -> {
          Optional<Metal> m = metal(r, "metal");
          Optional<Unit> u = uom(r, "uom", List.of(Unit.OUNCES_PER_TON, Unit.GRAMS_PER_TONNE, Unit.PERCENT));
          if (m.isPresent() && u.isPresent()) {
            if (m.get().precious() == (u.get() == Unit.PERCENT)) {
              error(r, "uom", m.get().displayName() + " grade in " + u.get().code() + " (precious metals in oz/ton or g/t,"
                  + " base metals in %)");
              continue;
            }
            put(r, new FactKey(e, GRADE, cat.get().code() + ":" + m.get().name(), p.get()), v.get(), u.get(), keys);
          }
        }
        case CUT_OFF, RECOVERY, PRICE_ASSUMPTION -> {
          Optional<Metal> m = r.get("metal").isEmpty() && item.equals(CUT_OFF) ? Optional.empty() : metal(r, "metal");
          if (m.isEmpty() && !r.get("metal").isEmpty()) {
            continue;
          }
          List<Unit> allowed = switch (item) {
            case CUT_OFF -> List.of(Unit.OUNCES_PER_TON, Unit.GRAMS_PER_TONNE, Unit.PERCENT, Unit.USD_PER_TON, Unit.USD_PER_TONNE);
            case RECOVERY -> List.of(Unit.PERCENT);
            default -> List.of(Unit.USD_PER_OUNCE, Unit.USD_PER_POUND, Unit.CENTS_PER_POUND);
          };
          Optional<Unit> u = uom(r, "uom", allowed);
          if (item.equals(RECOVERY) && v.get().compareTo(BigDecimal.valueOf(100)) > 0) {
            error(r, "value", "recovery above 100%: " + v.get().toPlainString());
            continue;
          }
          if (u.isPresent()) {
            put(r, new FactKey(e, item, category + ":" + m.map(Metal::name).orElse(""), p.get()), v.get(), u.get(), keys);
          }
        }
        default -> error(r, "item", "unknown estimate item '" + item + "' (expected tonnage, grade, cut_off, recovery,"
            + " price_assumption)");
      }
    }
  }

  /**
   * A property's year of proven and probable reserve movements: depleted, added, revised (contained
   * metal), and the opening reserves where the data holds no estimate of the year before.
   */
  private void readReserveChanges(List<Property> properties) {
    for (CsvFile.Row r : read(DatasetFile.RESERVE_CHANGES)) {
      Optional<String> prop = propertyOf(r, properties);
      Optional<Period> p = yearEnd(r);
      Optional<BigDecimal> v = number(r, "value");
      Optional<Metal> m = metal(r, "metal");
      String raw = r.get("item");
      if (!List.of(RES_DEPLETED, RES_ADDED, RES_REVISED, "opening").contains(raw)) {
        error(r, "item", "unknown reserve change '" + raw + "' (expected depleted, added, revised, opening)");
        continue;
      }
      String item = raw.equals("opening") ? RES_OPENING : raw;
      if (v.isPresent() && v.get().signum() < 0 && !item.equals(RES_REVISED)) {
        error(r, "value", raw + (item.equals(RES_OPENING) ? " is a quantity of reserves" : " is a quantity removed or added")
            + ", not negative: " + v.get().toPlainString());
        continue;
      }
      if (prop.isEmpty() || p.isEmpty() || v.isEmpty() || m.isEmpty()) {
        continue;
      }
      Optional<Unit> u = m.get().precious() ? uom(r, "uom", List.of(Unit.TROY_OUNCE, Unit.GRAM, Unit.KILOGRAM))
          : uom(r, "uom", List.of(Unit.SHORT_TON, Unit.TONNE, Unit.POUND));
      if (u.isPresent()) {
        put(r, new FactKey(property(prop.get()), item, m.get().name(), p.get()), v.get(), u.get(),
            "property,period,metal,item");
      }
    }
  }

  private List<ReserveNote> readReserveNotes(List<Property> properties) {
    List<ReserveNote> notes = new ArrayList<>();
    for (CsvFile.Row r : read(DatasetFile.RESERVE_NOTES)) {
      Optional<ReserveCategory> cat = ReserveCategory.ofCode(r.get("category"));
      if (cat.isEmpty()) {
        error(r, "category", "unknown category '" + r.get("category") + "'");
      } else if (properties.stream().noneMatch(x -> x.id().equals(r.get("property")))) {
        error(r, "property", "unknown property '" + r.get("property") + "' (not in properties.csv)");
      } else {
        notes.add(new ReserveNote(cat.get(), r.get("property"), r.get("text")));
      }
    }
    return notes;
  }

  private List<Hedge> readHedges() {
    List<Hedge> hedges = new ArrayList<>();
    for (CsvFile.Row r : read(DatasetFile.HEDGES)) {
      Optional<Metal> m = metal(r, "metal");
      Optional<BigDecimal> q = number(r, "quantity");
      Optional<BigDecimal> price = number(r, "price");
      Optional<Unit> u = uom(r, "uom", List.of(Unit.TROY_OUNCE, Unit.SHORT_TON, Unit.TONNE, Unit.POUND));
      Optional<Unit> pu = uom(r, "price_uom", List.of(Unit.USD_PER_OUNCE, Unit.CENTS_PER_POUND, Unit.USD_PER_POUND));
      LocalDate asOf = null;
      try {
        asOf = LocalDate.parse(r.get("as_of"));
      } catch (DateTimeParseException e) {
        error(r, "as_of", "not a date: '" + r.get("as_of") + "' (write 2003-12-31)");
      }
      if (q.isPresent() && q.get().signum() < 0) {
        error(r, "quantity", "negative quantity");
        continue;
      }
      if (!org.orebook.finance.HedgeBook.POSITIONS.contains(r.get("position"))) {
        error(r, "position", "unknown position '" + r.get("position") + "' (expected "
            + String.join(" or ", org.orebook.finance.HedgeBook.POSITIONS) + ")");
        continue;
      }
      if (m.isPresent() && q.isPresent() && price.isPresent() && u.isPresent() && pu.isPresent() && asOf != null) {
        String qual = hedges.size() + 1 + ":" + m.get().name() + ":" + r.get("position");
        int[] delivery = delivery(r);
        Hedge h = new Hedge(m.get(), r.get("position"), q.get(), u.get(), price.get(), pu.get(), asOf, delivery[0],
            delivery[1], qual);
        Period p = h.period();
        put(r, new FactKey(Entity.HEDGES, "quantity", qual, p), q.get(), u.get(), "quantity");
        inputs.add(new Fact(new FactKey(Entity.HEDGES, "price", qual, p), price.get(), pu.get(),
            new Origin.Input(r.file(), r.line(), "price")));
        hedges.add(h);
      }
    }
    return hedges;
  }

  /**
   * The optional {@code delivery} column of hedges.csv: empty, a year ({@code FY2004}) or a range of
   * years ({@code FY2004-FY2006}); {@code {0, 0}} when empty or wrong (wrong is an error).
   */
  private int[] delivery(CsvFile.Row r) {
    String v = r.get("delivery");
    if (v.isEmpty()) {
      return new int[] {0, 0};
    }
    String[] parts = v.split("-", 2);
    Optional<Period> from = Period.parse(parts[0]);
    Optional<Period> to = Period.parse(parts.length > 1 ? parts[1] : parts[0]);
    if (from.isEmpty() || to.isEmpty() || !(from.get() instanceof Period.Year) || !(to.get() instanceof Period.Year)
        || from.get().year() > to.get().year()) {
      error(r, "delivery", "not a delivery period: '" + v + "' (write FY2004 or FY2004-FY2006)");
      return new int[] {0, 0};
    }
    return new int[] {from.get().year(), to.get().year()};
  }

  // ---------------------------------------------------------------- statements

  private List<StatementLine> readStatementLines() {
    List<StatementLine> lines = new ArrayList<>();
    Map<String, CsvFile.Row> rowOf = new HashMap<>();
    for (CsvFile.Row r : read(DatasetFile.STATEMENT_LINES)) {
      String st = r.get("statement");
      String id = r.get("id");
      if (st.isEmpty()) {
        error(r, "statement", "missing statement");
        continue;
      }
      if (st.contains(":") || !Entity.parse(st).is(Entity.Kind.STATEMENT)) {
        error(r, "statement", st.contains(":") ? "a statement id has no ':' (statement:line names a line)"
            : "'" + st + "' is the name of another kind of figure (" + Entity.parse(st).kind().word() + "), not a statement's: "
            + "choose another statement id");
        continue;
      }
      if (id.isEmpty()) {
        error(r, "id", "missing line id");
        continue;
      }
      if (rowOf.putIfAbsent(st + ":" + id, r) != null) {
        error(r, "id", "duplicate line '" + id + "' in statement " + st + " (first on line " + rowOf.get(st + ":" + id).line() + ")");
        continue;
      }
      StatementLine.Kind kind;
      try {
        kind = StatementLine.Kind.valueOf(r.get("kind").toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        error(r, "kind", "unknown kind '" + r.get("kind") + "' (expected heading, line, subtotal, link, per_share, blank)");
        continue;
      }
      String rule = r.get("rule");
      if (!rule.isEmpty() && !rule.equals("single") && !rule.equals("double")) {
        error(r, "rule", "expected single, double or empty, found '" + rule + "'");
      }
      List<String> terms = Arrays.stream(r.get("sum_of").split("\\s+")).filter(t -> !t.isEmpty()).toList();
      if ((kind == StatementLine.Kind.SUBTOTAL || kind == StatementLine.Kind.LINK || kind == StatementLine.Kind.PER_SHARE)
          && terms.isEmpty()) {
        error(r, "sum_of", "a " + kind.code() + " line needs sum_of");
      }
      lines.add(new StatementLine(st, id, r.get("label"), kind, terms, r.get("concept"), rule));
    }
    // references
    Set<String> companyConcepts = Set.of(SALES, COST_OF_SALES, DDA, GROSS_PROFIT);
    for (StatementLine l : lines) {
      CsvFile.Row r = rowOf.get(l.statement() + ":" + l.id());
      for (String t : l.terms()) {
        String ref = t.startsWith("-") ? t.substring(1) : t;
        if (ref.equals(PREFERRED_DIVIDENDS) && l.kind() == StatementLine.Kind.PER_SHARE) {
          continue;
        }
        if (ref.startsWith("company:")) {
          if (!companyConcepts.contains(ref.substring(8))) {
            error(r, "sum_of", "unknown company figure '" + ref + "' (known: company:sales, company:cost_of_sales, company:dda, company:gross_profit)");
          }
          continue;
        }
        String target = ref.contains(":") ? ref : l.statement() + ":" + ref;
        if (!rowOf.containsKey(target)) {
          error(r, "sum_of", "unknown line '" + ref + "'");
        }
      }
      if (l.kind() == StatementLine.Kind.PER_SHARE
          && lines.stream().noneMatch(x -> x.statement().equals(l.statement()) && WEIGHTED_SHARES.equals(x.concept()))) {
        error(r, "kind", "a per_share line needs a line with concept weighted_shares in statement " + l.statement());
      }
    }
    circles(lines, rowOf);
    return lines;
  }

  /**
   * Lines whose sum_of leads back to themselves (a subtotal that adds itself, two that add each
   * other): no figure could satisfy them. Each circle is an error on its first line, naming the
   * lines round it. Found by a depth-first walk without recursion (a long chain of subtotals cannot
   * overflow the stack).
   */
  private void circles(List<StatementLine> lines, Map<String, CsvFile.Row> rowOf) {
    Map<String, List<String>> refs = new LinkedHashMap<>();
    for (StatementLine l : lines) {
      refs.put(l.statement() + ":" + l.id(), new ArrayList<>());
    }
    for (StatementLine l : lines) {
      for (String t : l.terms()) {
        String ref = t.startsWith("-") ? t.substring(1) : t;
        String target = ref.contains(":") ? ref : l.statement() + ":" + ref;
        if (!ref.startsWith("company:") && refs.containsKey(target)) { // a line refused already is no link
          refs.get(l.statement() + ":" + l.id()).add(target);
        }
      }
    }
    Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
    for (String start : refs.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      List<String> path = new ArrayList<>();
      List<Integer> next = new ArrayList<>();
      path.add(start);
      next.add(0);
      state.put(start, 1);
      while (!path.isEmpty()) {
        int top = path.size() - 1;
        List<String> out = refs.get(path.get(top));
        if (next.get(top) == out.size()) {
          state.put(path.remove(top), 2);
          next.remove(top);
          continue;
        }
        String to = out.get(next.get(top));
        next.set(top, next.get(top) + 1);
        Integer st = state.get(to);
        if (st == null) {
          state.put(to, 1);
          path.add(to);
          next.add(0);
        } else if (st == 1) {
          List<String> circle = new ArrayList<>(path.subList(path.indexOf(to), path.size()));
          circle.add(to);
          error(rowOf.get(to), "sum_of", circle.size() == 2 ? "line '" + to + "' adds itself"
              : "the lines add one another in a circle: " + String.join(" -> ", circle) + " (no figures can satisfy it)");
        }
      }
    }
  }

  private void readStatementValues(List<StatementLine> lines) {
    for (CsvFile.Row r : read(DatasetFile.STATEMENT_VALUES)) {
      String st = r.get("statement");
      String id = r.get("line");
      Optional<StatementLine> line = lines.stream().filter(l -> l.statement().equals(st) && l.id().equals(id)).findFirst();
      if (line.isEmpty()) {
        error(r, "line", "unknown line '" + id + "' of statement '" + st + "' (not in statement_lines.csv)");
        continue;
      }
      if (line.get().kind() == StatementLine.Kind.HEADING || line.get().kind() == StatementLine.Kind.BLANK
          || line.get().kind() == StatementLine.Kind.LINK || line.get().kind() == StatementLine.Kind.PER_SHARE) {
        error(r, "line", "line '" + id + "' is a " + line.get().kind().code() + " and takes no value");
        continue;
      }
      Optional<Period> p = period(r, "period");
      Optional<BigDecimal> v = number(r, "value");
      Optional<Unit> u = uom(r, "uom", List.of(Unit.USD, Unit.SHARES));
      if (p.isPresent() && v.isPresent() && u.isPresent()) {
        // a balance is the balance at the period's end: nine months and the third quarter share it
        Period at = StatementLine.balance(st) ? p.get().asAt() : p.get();
        put(r, FactKey.of(Entity.statement(st), id, at), v.get(), u.get(), "statement,line,period");
      }
    }
  }

  private void readPerShare() {
    for (CsvFile.Row r : read(DatasetFile.PER_SHARE)) {
      Optional<Period> p = period(r, "period");
      Optional<BigDecimal> v = number(r, "value");
      String item = r.get("item");
      List<String> items = List.of(PREFERRED_DIVIDENDS, PREFERRED_DIVIDENDS_UNDECLARED, PREFERRED_DIVIDENDS_NONCASH);
      if (!items.contains(item)) {
        error(r, "item", "unknown item '" + item + "' (expected " + String.join(", ", items) + ")");
        continue;
      }
      Optional<Unit> u = uom(r, "uom", List.of(Unit.USD));
      if (p.isPresent() && v.isPresent() && u.isPresent()) {
        put(r, FactKey.of(COMPANY, item, p.get()), v.get(), Unit.USD, "period,item");
      }
    }
  }
}
