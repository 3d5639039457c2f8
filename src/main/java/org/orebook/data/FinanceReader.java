package org.orebook.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.finance.ExchangeOffer;
import org.orebook.finance.Guidance;
import org.orebook.finance.ProjectEconomics;
import org.orebook.model.Metal;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;
import org.orebook.relations.Concepts;

/**
 * Reads and validates the optional inputs of the finance models (market_prices.csv, guidance.csv,
 * projects.csv, project_schedule.csv, exchange_offer.csv, trading_days.csv) with the loader's
 * located errors, and records every value as an input figure.
 */
final class FinanceReader {
  private static final List<String> OFFER_REQUIRED = List.of("security", Concepts.VALUE_PER_PREFERRED,
      Concepts.MAX_COMMON_PER_PREFERRED, "pricing_days", Concepts.PREFERRED_OUTSTANDING, Concepts.CARRYING_AMOUNT_PER_PREFERRED);
  private static final List<String> OFFER_OPTIONAL = List.of(Concepts.PREFERRED_EXCHANGED, Concepts.COMMON_FAIR_VALUE,
      Concepts.WEIGHTED_AVERAGE_SHARES);
  private static final List<String> SCHEDULE_ITEMS = List.of("capital", Concepts.ORE_MINED, "grade", Concepts.PROJECT_CASH_COST, "price");

  private final DatasetLoader loader;
  /** The finance inputs' figures: kept apart from the engine's inputs (their periods lie beyond the release's). */
  private final FactSet facts = new FactSet();

  FinanceReader(DatasetLoader loader) {
    this.loader = loader;
  }

  FinanceInputs read(List<Hedge> hedges) {
    return new FinanceInputs(marketPrices(), guidance(), projects(), offer(), facts);
  }

  // ---------------------------------------------------------------- helpers

  private Optional<LocalDate> date(CsvFile.Row r, String field, String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      loader.error(r, field, "not a date: '" + text + "' (write 2004-02-11)");
      return Optional.empty();
    }
  }

  /** A number that must lie in [min, max] (either bound may be null); reports the range when not. */
  private Optional<BigDecimal> bounded(CsvFile.Row r, String field, String min, String max, String what) {
    Optional<BigDecimal> v = loader.number(r, field);
    if (v.isPresent() && ((min != null && v.get().compareTo(new BigDecimal(min)) < 0)
        || (max != null && v.get().compareTo(new BigDecimal(max)) > 0))) {
      loader.error(r, field, what + " must be " + (min == null ? "at most " + max
          : max == null ? "at least " + min : "between " + min + " and " + max) + ", not " + v.get().toPlainString());
      return Optional.empty();
    }
    return v;
  }

  private Optional<BigDecimal> optionalNumber(CsvFile.Row r, String field) {
    return r.get(field).isEmpty() ? Optional.empty() : loader.number(r, field);
  }

  private void input(CsvFile.Row r, String field, FactKey key, BigDecimal value, Unit unit) {
    facts.add(new Fact(key, value, unit, new Origin.Input(r.file(), r.line(), field)));
  }

  // ---------------------------------------------------------------- market prices

  private List<FinanceInputs.MarketPrice> marketPrices() {
    List<FinanceInputs.MarketPrice> out = new ArrayList<>();
    for (CsvFile.Row r : loader.read(DatasetFile.MARKET_PRICES)) {
      Optional<Metal> m = loader.metal(r, "metal");
      Optional<LocalDate> d = date(r, "as_of", r.get("as_of"));
      Optional<BigDecimal> v = bounded(r, "value", "0", null, "a price");
      Optional<Unit> u = loader.uom(r, "uom", List.of(Unit.USD_PER_OUNCE, Unit.CENTS_PER_POUND));
      if (r.get("basis").isEmpty()) {
        loader.error(r, "basis", "missing price basis (e.g. London PM fix)");
        continue;
      }
      if (m.isPresent() && d.isPresent() && v.isPresent() && u.isPresent()) {
        FinanceInputs.MarketPrice mp = new FinanceInputs.MarketPrice(m.get(), d.get(), r.get("basis"), v.get(), u.get());
        if (loader.putInto(facts, r, mp.key(), v.get(), u.get(), "metal,as_of")) {
          out.add(mp);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- guidance

  private List<FinanceInputs.GuidanceItem> guidance() {
    List<FinanceInputs.GuidanceItem> out = new ArrayList<>();
    for (CsvFile.Row r : loader.read(DatasetFile.GUIDANCE)) {
      Optional<Period> p = loader.period(r, "period");
      Optional<Guidance.Kind> kind = java.util.Arrays.stream(Guidance.Kind.values())
          .filter(k -> k.code().equals(r.get("item"))).findFirst();
      if (kind.isEmpty()) {
        loader.error(r, "item", "unknown item '" + r.get("item") + "' (expected production, cash_cost or exploration)");
        continue;
      }
      Optional<Metal> metal = Optional.empty();
      if (kind.get() == Guidance.Kind.SPEND) {
        if (!r.get("metal").isEmpty()) {
          loader.error(r, "metal", "exploration guidance has no metal");
          continue;
        }
      } else {
        metal = loader.metal(r, "metal");
        if (metal.isEmpty()) {
          continue;
        }
      }
      List<Unit> units = switch (kind.get()) {
        case PRODUCTION -> metal.get().precious() ? List.of(Unit.TROY_OUNCE) : List.of(Unit.SHORT_TON, Unit.TONNE);
        case CASH_COST -> metal.get().precious() ? List.of(Unit.USD_PER_OUNCE) : List.of(Unit.USD_PER_POUND, Unit.CENTS_PER_POUND);
        case SPEND -> List.of(Unit.USD);
      };
      Optional<Unit> u = loader.uom(r, "uom", units);
      Optional<Guidance.Target> target = target(r, kind.get());
      Optional<BigDecimal> tolerance = r.get("tolerance_pct").isEmpty() ? Optional.of(BigDecimal.ZERO)
          : bounded(r, "tolerance_pct", "0", "100", "a tolerance");
      if (p.isPresent() && u.isPresent() && target.isPresent() && tolerance.isPresent()) {
        FinanceInputs.GuidanceItem g = new FinanceInputs.GuidanceItem(p.get(), kind.get(), metal, target.get(), u.get(),
            tolerance.get().movePointLeft(2));
        boolean fresh = switch (target.get()) {
          case Guidance.Value v -> loader.putInto(facts, r, g.key("value"), v.value(), u.get(), "period,item,metal");
          case Guidance.Range rg -> loader.putInto(facts, r, g.key("low"), rg.low(), u.get(), "period,item,metal")
              && putField(r, "high", g.key("high"), rg.high(), u.get());
          case Guidance.LessThan l -> loader.putInto(facts, r, g.key("high"), l.bound(), u.get(), "period,item,metal");
        };
        if (fresh) {
          out.add(g);
        }
      }
    }
    return out;
  }

  private boolean putField(CsvFile.Row r, String field, FactKey key, BigDecimal value, Unit unit) {
    input(r, field, key, value, unit);
    return true;
  }

  private Optional<Guidance.Target> target(CsvFile.Row r, Guidance.Kind kind) {
    String k = r.get("kind");
    switch (k) {
      case "about" -> {
        if (!r.get("low").isEmpty() || !r.get("high").isEmpty()) {
          loader.error(r, "kind", "'about' takes a value only: leave low and high empty");
          return Optional.empty();
        }
        return bounded(r, "value", "0", null, "a guided value").map(Guidance.Value::new);
      }
      case "range" -> {
        if (!r.get("value").isEmpty()) {
          loader.error(r, "value", "a range takes low and high: leave value empty");
          return Optional.empty();
        }
        Optional<BigDecimal> lo = bounded(r, "low", "0", null, "a guided low");
        Optional<BigDecimal> hi = bounded(r, "high", "0", null, "a guided high");
        if (lo.isEmpty() || hi.isEmpty()) {
          return Optional.empty();
        }
        if (lo.get().compareTo(hi.get()) > 0) {
          loader.error(r, "high", "high " + hi.get().toPlainString() + " is below low " + lo.get().toPlainString());
          return Optional.empty();
        }
        return Optional.of(new Guidance.Range(lo.get(), hi.get()));
      }
      case "less_than" -> {
        if (kind == Guidance.Kind.PRODUCTION) {
          loader.error(r, "kind", "production guidance cannot be 'less_than' (use about or range)");
          return Optional.empty();
        }
        if (!r.get("value").isEmpty() || !r.get("low").isEmpty()) {
          loader.error(r, "kind", "'less_than' takes a high only: leave value and low empty");
          return Optional.empty();
        }
        return bounded(r, "high", "0", null, "a guided bound").map(Guidance.LessThan::new);
      }
      default -> {
        loader.error(r, "kind", "unknown kind '" + k + "' (expected about, range or less_than)");
        return Optional.empty();
      }
    }
  }

  // ---------------------------------------------------------------- projects

  private record Terms(CsvFile.Row row, String id, String name, Metal metal, BigDecimal recovery, BigDecimal royalty,
      BigDecimal tax, int depreciationYears, List<BigDecimal> rates, BigDecimal price, Unit priceUnit) {}

  private List<FinanceInputs.ProjectInput> projects() {
    Map<String, Terms> terms = new LinkedHashMap<>();
    Map<String, CsvFile.Row> ids = new HashMap<>();
    for (CsvFile.Row r : loader.read(DatasetFile.PROJECTS)) {
      String id = r.get("id");
      if (id.isEmpty() || ids.containsKey(id)) {
        loader.error(r, "id", id.isEmpty() ? "empty project id"
            : "duplicate project '" + id + "' (first on line " + ids.get(id).line() + ")");
        continue;
      }
      ids.put(id, r);
      Optional<Metal> m = loader.metal(r, "metal");
      Optional<BigDecimal> rec = bounded(r, Concepts.RECOVERY_PCT, "0", "100", "a recovery");
      Optional<BigDecimal> roy = bounded(r, Concepts.ROYALTY_PCT, "0", "100", "a royalty rate");
      Optional<BigDecimal> tax = bounded(r, Concepts.TAX_RATE_PCT, "0", "100", "a tax rate");
      Optional<BigDecimal> dep = bounded(r, "depreciation_years", "1", "100", "depreciation years");
      if (dep.isPresent() && dep.get().stripTrailingZeros().scale() > 0) {
        loader.error(r, "depreciation_years", "depreciation years must be a whole number");
        dep = Optional.empty();
      }
      List<BigDecimal> rates = new ArrayList<>();
      for (String t : r.get("discount_rates_pct").split("\\s+")) {
        if (t.isEmpty()) {
          continue;
        }
        Optional<BigDecimal> rate = DatasetLoader.decimal(t);
        if (rate.isEmpty()) {
          loader.error(r, "discount_rates_pct", "not a number: '" + t + "' (write rates in percent, e.g. 5 10)");
        } else if (rate.get().compareTo(new BigDecimal("-100")) <= 0) {
          loader.error(r, "discount_rates_pct", "a discount rate must be above -100, not " + t);
        } else {
          rates.add(rate.get());
        }
      }
      if (r.get("discount_rates_pct").isEmpty()) {
        loader.error(r, "discount_rates_pct", "at least one discount rate is needed (in percent, e.g. 5 10)");
      }
      Optional<BigDecimal> price = bounded(r, "price", "0", null, "a price");
      Optional<Unit> pu = m.flatMap(metal -> loader.uom(r, "price_uom",
          List.of(metal.precious() ? Unit.USD_PER_OUNCE : Unit.CENTS_PER_POUND)));
      if (m.isPresent() && rec.isPresent() && roy.isPresent() && tax.isPresent() && dep.isPresent() && !rates.isEmpty()
          && rates.size() == r.get("discount_rates_pct").trim().split("\\s+").length && price.isPresent() && pu.isPresent()) {
        terms.put(id, new Terms(r, id, r.get("name").isEmpty() ? id : r.get("name"), m.get(), rec.get(), roy.get(),
            tax.get(), dep.get().intValue(), rates, price.get(), pu.get()));
      }
    }
    Map<String, TreeMap<Integer, Map<String, BigDecimal>>> schedule = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, CsvFile.Row>> firstRowOfYear = new HashMap<>();
    for (CsvFile.Row r : loader.read(DatasetFile.PROJECT_SCHEDULE)) {
      String id = r.get("project");
      if (!ids.containsKey(id)) {
        loader.error(r, "project", "unknown project '" + id + "' (not in projects.csv)");
        continue;
      }
      Optional<BigDecimal> year = bounded(r, "year", "1900", "2200", "a year");
      if (year.isPresent() && year.get().stripTrailingZeros().scale() > 0) {
        loader.error(r, "year", "a year is a whole number such as 2004");
        continue;
      }
      String item = r.get("item");
      if (!SCHEDULE_ITEMS.contains(item)) {
        loader.error(r, "item", "unknown item '" + item + "' (expected " + String.join(", ", SCHEDULE_ITEMS) + ")");
        continue;
      }
      Terms t = terms.get(id);
      if (t == null || year.isEmpty()) {
        continue; // the project row has errors of its own
      }
      boolean precious = t.metal().precious();
      List<Unit> allowed = switch (item) {
        case "capital" -> List.of(Unit.USD);
        case Concepts.ORE_MINED -> List.of(Unit.SHORT_TON, Unit.TONNE);
        case "grade" -> precious ? List.of(Unit.OUNCES_PER_TON, Unit.GRAMS_PER_TONNE) : List.of(Unit.PERCENT);
        default -> List.of(t.priceUnit());
      };
      Optional<Unit> u = loader.uom(r, "uom", allowed);
      Optional<BigDecimal> v = bounded(r, "value", "0", null, "a schedule value");
      if (u.isEmpty() || v.isEmpty()) {
        continue;
      }
      int y = year.get().intValue();
      Unit target = switch (item) {
        case Concepts.ORE_MINED -> Unit.SHORT_TON;
        case "grade" -> precious ? Unit.OUNCES_PER_TON : Unit.PERCENT;
        default -> u.get();
      };
      BigDecimal value = u.get().convert(v.get(), target);
      FactKey key = FactKey.of(Entity.project(id), item, new Period.Year(y));
      if (loader.putInto(facts, r, key, value, target, "project,year,item")) {
        schedule.computeIfAbsent(id, x -> new TreeMap<>()).computeIfAbsent(y, x -> new HashMap<>()).put(item, value);
        firstRowOfYear.computeIfAbsent(id, x -> new TreeMap<>()).putIfAbsent(y, r);
      }
    }
    List<FinanceInputs.ProjectInput> out = new ArrayList<>();
    for (Terms t : terms.values()) {
      TreeMap<Integer, Map<String, BigDecimal>> years = schedule.get(t.id());
      if (years == null) {
        loader.error(t.row(), "id", "project '" + t.id() + "' has no rows in project_schedule.csv");
        continue;
      }
      int first = years.firstKey();
      boolean gap = false;
      for (int y = first; y <= years.lastKey(); y++) {
        if (!years.containsKey(y)) {
          CsvFile.Row after = firstRowOfYear.get(t.id()).higherEntry(y).getValue();
          loader.error(after, "year", "project '" + t.id() + "' has no row for " + y
              + ": schedule years must be consecutive (give a capital row of 0 for an idle year)");
          gap = true;
          break;
        }
      }
      if (gap) {
        continue;
      }
      BigDecimal perUnit = t.priceUnit() == Unit.CENTS_PER_POUND ? new BigDecimal("0.01") : BigDecimal.ONE;
      List<ProjectEconomics.Year> ys = new ArrayList<>();
      for (var e : years.entrySet()) {
        Map<String, BigDecimal> it = e.getValue();
        ys.add(new ProjectEconomics.Year(e.getKey(), it.getOrDefault("capital", BigDecimal.ZERO),
            it.getOrDefault(Concepts.ORE_MINED, BigDecimal.ZERO), it.getOrDefault("grade", BigDecimal.ZERO),
            it.getOrDefault(Concepts.PROJECT_CASH_COST, BigDecimal.ZERO).multiply(perUnit),
            it.getOrDefault("price", t.price()).multiply(perUnit)));
      }
      ProjectEconomics.Project p = new ProjectEconomics.Project(t.id(), t.name(), t.metal(), t.recovery().movePointLeft(2),
          t.royalty().movePointLeft(2), t.tax().movePointLeft(2), t.depreciationYears(),
          t.rates().stream().map(x -> x.movePointLeft(2)).toList(), ys);
      FinanceInputs.ProjectInput pi = new FinanceInputs.ProjectInput(p, t.priceUnit().code());
      CsvFile.Row r = t.row();
      input(r, Concepts.RECOVERY_PCT, pi.termKey(Concepts.RECOVERY_PCT), t.recovery(), Unit.PERCENT);
      input(r, Concepts.ROYALTY_PCT, pi.termKey(Concepts.ROYALTY_PCT), t.royalty(), Unit.PERCENT);
      input(r, Concepts.TAX_RATE_PCT, pi.termKey(Concepts.TAX_RATE_PCT), t.tax(), Unit.PERCENT);
      input(r, "price", pi.termKey(Concepts.PRICE_DECK), t.price(), t.priceUnit());
      out.add(pi);
    }
    return out;
  }

  // ---------------------------------------------------------------- exchange offer

  private Optional<FinanceInputs.OfferInput> offer() {
    Map<LocalDate, CsvFile.Row> dayRows = new LinkedHashMap<>();
    Map<LocalDate, ExchangeOffer.TradingDay> days = new HashMap<>();
    for (CsvFile.Row r : loader.read(DatasetFile.TRADING_DAYS)) {
      Optional<LocalDate> d = date(r, "date", r.get("date"));
      Optional<BigDecimal> price = bounded(r, "price", "0", null, "a share price");
      Optional<BigDecimal> volume = bounded(r, "volume", "0", null, "a volume");
      if (price.isPresent() && price.get().signum() == 0) {
        loader.error(r, "price", "a share price must be above 0");
        price = Optional.empty();
      }
      if (d.isEmpty()) {
        continue;
      }
      if (dayRows.containsKey(d.get())) {
        loader.error(r, "date", "duplicate row: " + d.get() + " is already given on line " + dayRows.get(d.get()).line());
        continue;
      }
      dayRows.put(d.get(), r);
      if (price.isPresent() && volume.isPresent()) {
        days.put(d.get(), new ExchangeOffer.TradingDay(d.get(), price.get(), volume.get()));
        input(r, "price", FinanceInputs.OfferInput.dayKey(Concepts.DAY_PRICE, d.get()), price.get(), Unit.USD_PER_SHARE);
        input(r, "volume", FinanceInputs.OfferInput.dayKey(Concepts.DAY_VOLUME, d.get()), volume.get(), Unit.SHARES);
      }
    }
    Map<String, CsvFile.Row> fields = new LinkedHashMap<>();
    List<CsvFile.Row> rows = loader.read(DatasetFile.EXCHANGE_OFFER);
    for (CsvFile.Row r : rows) {
      String f = r.get("field");
      if (!OFFER_REQUIRED.contains(f) && !OFFER_OPTIONAL.contains(f)) {
        loader.error(r, "field", "unknown field '" + f + "' (expected " + String.join(", ", OFFER_REQUIRED) + " or "
            + String.join(", ", OFFER_OPTIONAL) + ")");
      } else if (fields.containsKey(f)) {
        loader.error(r, "field", "duplicate field '" + f + "' (first on line " + fields.get(f).line() + ")");
      } else {
        fields.put(f, r);
      }
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    boolean ok = true;
    for (String f : OFFER_REQUIRED) {
      if (!fields.containsKey(f)) {
        loader.errors().add(new DataError(DatasetFile.EXCHANGE_OFFER.name(), 0, f, "missing field '" + f + "'"));
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    List<ExchangeOffer.TradingDay> pricing = new ArrayList<>();
    CsvFile.Row pd = fields.get("pricing_days");
    for (String t : pd.get("value").split("\\s+")) {
      if (t.isEmpty()) {
        continue;
      }
      Optional<LocalDate> d = date(pd, "value", t);
      if (d.isEmpty()) {
        ok = false;
      } else if (!days.containsKey(d.get())) {
        loader.error(pd, "value", "pricing day " + d.get() + " has no price and volume in trading_days.csv");
        ok = false;
      } else {
        pricing.add(days.get(d.get()));
      }
    }
    if (ok && pricing.isEmpty()) {
      loader.error(pd, "value", "no pricing days (write dates separated by spaces: 2004-02-11 2004-02-12)");
      ok = false;
    }
    Optional<BigDecimal> value = bounded(fields.get(Concepts.VALUE_PER_PREFERRED), "value", "0", null, "the value offered");
    Optional<BigDecimal> cap = bounded(fields.get(Concepts.MAX_COMMON_PER_PREFERRED), "value", "0", null, "the cap");
    Optional<BigDecimal> outstanding = bounded(fields.get(Concepts.PREFERRED_OUTSTANDING), "value", "0", null, "a share count");
    Optional<BigDecimal> carrying = bounded(fields.get(Concepts.CARRYING_AMOUNT_PER_PREFERRED), "value", "0", null,
        "a carrying amount");
    Optional<BigDecimal> exchanged = fields.containsKey(Concepts.PREFERRED_EXCHANGED)
        ? bounded(fields.get(Concepts.PREFERRED_EXCHANGED), "value", "0", null, "a share count") : outstanding;
    if (exchanged.isPresent() && outstanding.isPresent() && exchanged.get().compareTo(outstanding.get()) > 0) {
      loader.error(fields.get(Concepts.PREFERRED_EXCHANGED), "value", "more preferred shares exchanged ("
          + exchanged.get().toPlainString() + ") than outstanding (" + outstanding.get().toPlainString() + ")");
      exchanged = Optional.empty();
    }
    Optional<BigDecimal> fair = fields.containsKey(Concepts.COMMON_FAIR_VALUE)
        ? bounded(fields.get(Concepts.COMMON_FAIR_VALUE), "value", "0", null, "a share price") : Optional.empty();
    Optional<BigDecimal> weighted = fields.containsKey(Concepts.WEIGHTED_AVERAGE_SHARES)
        ? bounded(fields.get(Concepts.WEIGHTED_AVERAGE_SHARES), "value", "0", null, "a share count") : Optional.empty();
    if (!ok || value.isEmpty() || cap.isEmpty() || outstanding.isEmpty() || carrying.isEmpty() || exchanged.isEmpty()
        || (fields.containsKey(Concepts.COMMON_FAIR_VALUE) && fair.isEmpty())
        || (fields.containsKey(Concepts.WEIGHTED_AVERAGE_SHARES) && weighted.isEmpty())) {
      return Optional.empty();
    }
    if (cap.get().signum() == 0) {
      loader.error(fields.get(Concepts.MAX_COMMON_PER_PREFERRED), "value", "the cap must be above 0");
      return Optional.empty();
    }
    FinanceInputs.OfferInput o = new FinanceInputs.OfferInput(fields.get("security").get("value"), value.get(), cap.get(),
        pricing, outstanding.get(), exchanged.get(), carrying.get(), fair, weighted);
    input(fields.get(Concepts.VALUE_PER_PREFERRED), "value", o.key(Concepts.VALUE_PER_PREFERRED), value.get(), Unit.USD_PER_SHARE);
    input(fields.get(Concepts.MAX_COMMON_PER_PREFERRED), "value", o.key(Concepts.MAX_COMMON_PER_PREFERRED), cap.get(), Unit.RATIO);
    input(fields.get(Concepts.PREFERRED_OUTSTANDING), "value", o.key(Concepts.PREFERRED_OUTSTANDING), outstanding.get(), Unit.SHARES);
    input(fields.containsKey(Concepts.PREFERRED_EXCHANGED) ? fields.get(Concepts.PREFERRED_EXCHANGED) : fields.get(Concepts.PREFERRED_OUTSTANDING),
        "value", o.key(Concepts.PREFERRED_EXCHANGED), exchanged.get(), Unit.SHARES);
    input(fields.get(Concepts.CARRYING_AMOUNT_PER_PREFERRED), "value", o.key(Concepts.CARRYING_AMOUNT_PER_PREFERRED), carrying.get(),
        Unit.USD_PER_SHARE);
    fair.ifPresent(v -> input(fields.get(Concepts.COMMON_FAIR_VALUE), "value", o.key(Concepts.COMMON_FAIR_VALUE), v, Unit.USD_PER_SHARE));
    weighted.ifPresent(v -> input(fields.get(Concepts.WEIGHTED_AVERAGE_SHARES), "value", o.key(Concepts.WEIGHTED_AVERAGE_SHARES), v,
        Unit.SHARES));
    return Optional.of(o);
  }
}
