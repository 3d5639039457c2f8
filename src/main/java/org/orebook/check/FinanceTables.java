package org.orebook.check;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.edgar.Column;
import org.orebook.edgar.Figure;
import org.orebook.edgar.Table;
import org.orebook.edgar.TableRow;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.quantity.FiscalYearEnd;
import org.orebook.quantity.Period;
import org.orebook.relations.Concepts;

/**
 * The finance tables Orebook's own releases print after the reconciliation (release.FinanceSections):
 * the hedge book marked to market and the hedged share of guided production, guidance (and guidance
 * against actuals), each project's yearly schedule with its returns and sensitivities, and the
 * exchange offer's pricing days and terms. Each figure is keyed as FinanceSections keys it, from the
 * table's structure and labels (a position's metal, side and unit; a guided figure's metal and
 * kind; a project's name and years; an offer's dates), so the relations of
 * {@code relations.FinanceTies} test them. Nothing here knows a company.
 *
 * <p>Where the release does not print what its key holds, the key is read from what it does print:
 * a project is keyed by the slug of its printed name ({@code project:mina-isidora}), which is the
 * dataset's id when the id is the name's slug; a price deck printed in every year is keyed per year
 * ({@code price}); a hedge position by its order in the book, metal and side ({@code 1:AU:sold_forward}).
 */
final class FinanceTables {
  private static final Pattern POSITION =
      Pattern.compile("(.+?) (sold|bought) forward \\(([^,()]+)((?:, [^,()]+)*)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern AS_OF = Pattern.compile("As of ([A-Z][a-z]+ \\d{1,2}, \\d{4})");
  private static final Pattern SHARE_ROW = Pattern.compile("(.+?) (\\d{4}) \\(([^()]+)\\)");
  private static final Pattern GUIDANCE_ROW =
      Pattern.compile("(.+?) (production|total cash cost) \\(([^()]+)\\)(?: (\\w+))?(?: (?:yes|no))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPEND_ROW = Pattern.compile("([A-Za-z][A-Za-z ]*?) \\(\\$000\\)(?: (\\w+))?(?: (?:yes|no))?");
  /** The guided year of a guidance table's title: "Guidance, 2004", "Guidance and Actual, fiscal 2025", "FY2025". */
  private static final Pattern FISCAL_YEAR =
      Pattern.compile("(?i)(?:\\bguidance(?: and actual)?, (?:fiscal )?|\\bFY ?)((?:19|20)\\d{2})\\b");
  private static final Pattern PROJECT_TITLE = Pattern.compile("(?i).*project economics\\s*-\\s*(.+?)\\s*$");
  private static final Pattern NPV_AT = Pattern.compile("(?i)NPV at ([\\d.]+%)");
  private static final Pattern PERCENT_COLUMN = Pattern.compile("([+-]?[\\d.]+)%");
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
  private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

  /** The schedule rows of a project: label pattern → concept. */
  private static final List<String[]> SCHEDULE = List.of(
      new String[] {"ore mined.*", Concepts.ORE_MINED}, new String[] {"grade.*", "grade"},
      new String[] {".* produced.*", Concepts.PROJECT_METAL_PRODUCED}, new String[] {"price.*", "price"},
      new String[] {"cash cost \\(.*", Concepts.PROJECT_CASH_COST}, new String[] {"revenue", "revenue"},
      new String[] {"royalties", "royalties"}, new String[] {"cash costs", Concepts.PROJECT_CASH_COSTS},
      new String[] {"income taxes", Concepts.PROJECT_INCOME_TAXES}, new String[] {"capital", "capital"},
      new String[] {"after-tax cash flow", Concepts.AFTER_TAX_CASH_FLOW}, new String[] {"cumulative cash flow", Concepts.CUMULATIVE_CASH_FLOW},
      new String[] {"tax depreciation.*", "depreciation"});
  /** The sensitivity rows: the driver changed → its code in the key. */
  private static final Map<String, String> DRIVERS = Map.of("metal price", "price", "grade", "grade", "capital", "capital",
      "cash cost", Concepts.PROJECT_CASH_COST);
  /** The exchange terms: label pattern → field of the offer. */
  private static final List<String[]> TERMS = List.of(
      new String[] {"value offered per preferred share", Concepts.VALUE_PER_PREFERRED, "PER_SHARE"},
      new String[] {"cap: common shares per preferred share", Concepts.MAX_COMMON_PER_PREFERRED, "RATIO"},
      new String[] {"value / vwap.*", Concepts.UNCAPPED_RATIO, "RATIO"},
      new String[] {"exchange ratio.*", Concepts.EXCHANGE_RATIO, "RATIO"},
      new String[] {"preferred shares outstanding", Concepts.PREFERRED_OUTSTANDING, "SHARES"},
      new String[] {"preferred shares exchanged", Concepts.PREFERRED_EXCHANGED, "SHARES"},
      new String[] {"common shares issued", Concepts.COMMON_ISSUED, "SHARES"},
      new String[] {"fair value per common share \\(the vwap\\)", "vwap", "PER_SHARE"},
      new String[] {"fair value per common share", Concepts.COMMON_FAIR_VALUE, "PER_SHARE"},
      new String[] {"fair value of common given.*", Concepts.FAIR_VALUE_GIVEN, "MONEY"},
      new String[] {"carrying amount of preferred exchanged.*", Concepts.CARRYING_AMOUNT_EXCHANGED, "MONEY"},
      new String[] {"deemed dividend.*", Concepts.DEEMED_DIVIDEND, "MONEY"},
      new String[] {"weighted average common shares", Concepts.WEIGHTED_AVERAGE_SHARES, "SHARES"},
      new String[] {"reduction of basic income per common share", Concepts.DEEMED_DIVIDEND_PER_SHARE, "PER_SHARE"});

  private final PublishedFigures figures;
  private final FiscalYearEnd yearEnd;
  /** A project's first year, by entity, from its schedule: its returns and sensitivities are keyed on it. */
  private final Map<Entity, Period> projectStart = new HashMap<>();
  /** The offer's period (the year of its first pricing day), from the pricing table. */
  private Optional<Period> offerPeriod = Optional.empty();
  /** Guided production in the hedged-share table: keyed once the guidance says whether it is a range's low end. */
  private final List<Object[]> guided = new ArrayList<>();

  FinanceTables(PublishedFigures figures, Optional<Period> latestYear) {
    this.figures = figures;
    this.yearEnd = latestYear.filter(p -> p instanceof Period.Year).map(p -> ((Period.Year) p).yearEnd())
        .orElse(FiscalYearEnd.DECEMBER);
  }

  /** Reads one finance table; a table of none of the known shapes is left unmapped. */
  void read(Table t) {
    String title = (t.name() + " " + String.join(" ", t.titleLines()) + " " + t.unit().map(u -> u.text()).orElse("")).trim();
    List<String> cols = t.columns().stream().map(c -> c.title().toLowerCase(Locale.ROOT)).toList();
    Matcher project = PROJECT_TITLE.matcher(t.name());
    if (cols.contains("quantity") && cols.stream().anyMatch(c -> c.contains("mark to market"))) {
      hedgeBook(t, title);
    } else if (cols.stream().anyMatch(c -> c.contains("sold forward")) && cols.stream().anyMatch(c -> c.contains("guided"))) {
      hedgedShare(t);
    } else if (cols.stream().anyMatch(c -> c.contains("value or low"))) {
      guidance(t, title);
    } else if (project.matches() && t.columns().stream().anyMatch(c -> c.period().isPresent())) {
      schedule(t, Entity.project(Entities.slug(project.group(1))));
    } else if (project.matches() && cols.contains("base")) {
      sensitivity(t, Entity.project(Entities.slug(project.group(1))), title);
    } else if (project.matches()) {
      returns(t, Entity.project(Entities.slug(project.group(1))));
    } else if (cols.contains("price") && cols.stream().anyMatch(c -> c.startsWith("volume"))) {
      pricing(t);
    } else if (t.stub().toLowerCase(Locale.ROOT).contains("exchange terms")) {
      terms(t);
    } else {
      figures.unmapped(t.figures());
    }
  }

  /** Keys what waited for another table (guided production, once the guidance table says range or value). */
  void finish() {
    for (Object[] g : guided) {
      Figure f = (Figure) g[0];
      String metal = (String) g[1];
      Period y = (Period) g[2];
      Measure m = (Measure) g[3];
      FactKey low = new FactKey(Entity.guidance("production"), "low", metal, y);
      FactKey key = figures.readings.containsKey(low) ? low : new FactKey(Entity.guidance("production"), "value", metal, y);
      figures.put(key, f, m, 0, false);
    }
  }

  private Column column(Table t, Figure f) {
    return f.column() < t.columns().size() ? t.columns().get(f.column()) : new Column(f.column(), "", "", Optional.empty());
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }

  // ---------------------------------------------------------------- hedge book

  private void hedgeBook(Table t, String title) {
    Matcher d = AS_OF.matcher(title);
    Optional<LocalDate> asOf = d.find() ? date(d.group(1), LONG_DATE) : Optional.empty();
    if (asOf.isEmpty()) {
      figures.unmapped(t.figures());
      return;
    }
    Period y = new Period.Year(asOf.get().getYear());
    int position = 0;
    for (TableRow.Values v : t.valueRows()) {
      String label = v.label().replaceAll("\\s+", " ").trim();
      Matcher m = POSITION.matcher(label);
      if (lower(label).equals("total")) {
        for (Figure f : v.figures()) {
          if (lower(column(t, f).title()).contains("mark to market")) {
            figures.put(new FactKey(Entity.HEDGES, Concepts.MARK_TO_MARKET, "total", y), f, Measure.MONEY,
                figures.exponent(t, Measure.MONEY), false);
          } else {
            figures.unmapped(f);
          }
        }
        continue;
      }
      Optional<Metal> metal = m.matches() ? ConceptDictionary.metalIn(m.group(1)) : Optional.empty();
      Optional<Measure> qty = m.matches() ? quantity(m.group(3).trim()) : Optional.empty();
      if (metal.isEmpty() || qty.isEmpty()) {
        figures.unmapped(v.figures());
        continue;
      }
      position++;
      String q = position + ":" + metal.get().name() + ":" + (m.group(2).equalsIgnoreCase("sold") ? "sold" : "bought") + "_forward";
      Measure price = m.group(4).contains("cents/lb") ? Measure.CENTS_PER_POUND
          : qty.get() == Measure.OUNCES ? Measure.PER_OUNCE : Measure.PER_POUND;
      for (Figure f : v.figures()) {
        String c = lower(column(t, f).title());
        if (c.equals("quantity")) {
          figures.put(new FactKey(Entity.HEDGES, "quantity", q, y), f, qty.get(), 0, false);
        } else if (c.startsWith("contract")) {
          figures.put(new FactKey(Entity.HEDGES, "price", q, y), f, price, 0, false);
        } else if (c.startsWith("market")) {
          figures.put(new FactKey(Entity.MARKET, Concepts.MARKET_PRICE, metal.get().name() + ":" + asOf.get(), y), f, price, 0, false);
        } else if (c.contains("mark to market")) {
          figures.put(new FactKey(Entity.HEDGES, Concepts.MARK_TO_MARKET, q, y), f, Measure.MONEY, figures.exponent(t, Measure.MONEY), false);
        } else {
          figures.unmapped(f);
        }
      }
    }
  }

  private void hedgedShare(Table t) {
    for (TableRow.Values v : t.valueRows()) {
      Matcher m = SHARE_ROW.matcher(v.label().replaceAll("\\s+", " ").trim());
      Optional<Metal> metal = m.matches() ? ConceptDictionary.metalIn(m.group(1)) : Optional.empty();
      Optional<Measure> qty = m.matches() ? quantity(m.group(3).trim()) : Optional.empty();
      if (metal.isEmpty() || qty.isEmpty()) {
        figures.unmapped(v.figures());
        continue;
      }
      Period y = new Period.Year(Integer.parseInt(m.group(2)), yearEnd);
      for (Figure f : v.figures()) {
        String c = lower(column(t, f).title());
        if (c.contains("sold forward")) {
          figures.put(new FactKey(Entity.HEDGES, Concepts.HEDGED_QUANTITY, metal.get().name(), y), f, qty.get(), 0, false);
        } else if (c.contains("guided")) {
          guided.add(new Object[] {f, metal.get().name(), y, qty.get()});
        } else if (c.contains("%")) {
          figures.put(new FactKey(Entity.HEDGES, Concepts.HEDGED_SHARE_PCT, metal.get().name(), y), f, Measure.PERCENT, 0, false);
        } else {
          figures.unmapped(f);
        }
      }
    }
  }

  // ---------------------------------------------------------------- guidance

  private void guidance(Table t, String title) {
    Matcher fy = FISCAL_YEAR.matcher(String.join(" ", t.titleLines()) + " " + t.name());
    Period titled = null;
    while (fy.find()) {
      titled = new Period.Year(Integer.parseInt(fy.group(1)), yearEnd);
    }
    // the period: the heading over the columns (a group), else the title
    Optional<Period> headed = t.columns().stream().flatMap(c -> c.period().stream()).findFirst();
    Optional<Period> p = headed.isPresent() ? headed : Optional.ofNullable(titled);
    for (TableRow.Values v : t.valueRows()) {
      String label = v.label().replaceAll("\\s+", " ").trim();
      Matcher g = GUIDANCE_ROW.matcher(label);
      Matcher s = SPEND_ROW.matcher(label);
      Entity entity;
      String qualifier = "";
      String word;
      Measure measure;
      int exponent = 0;
      if (g.matches() && ConceptDictionary.metalIn(g.group(1)).isPresent()) {
        boolean production = g.group(2).equalsIgnoreCase("production");
        entity = Entity.guidance(production ? "production" : Concepts.PROJECT_CASH_COST);
        qualifier = ConceptDictionary.metalIn(g.group(1)).get().name();
        Optional<Measure> m = production ? quantity(g.group(3).trim()) : perUnit(g.group(3).trim());
        if (m.isEmpty()) {
          figures.unmapped(v.figures());
          continue;
        }
        measure = m.get();
        word = g.group(4) == null ? "" : lower(g.group(4));
      } else if (s.matches()) {
        entity = Entity.guidance(Entities.slug(s.group(1)).replace('-', '_'));
        measure = Measure.MONEY;
        exponent = figures.exponent(t, Measure.MONEY, label);
        word = s.group(2) == null ? "" : lower(s.group(2));
      } else {
        figures.unmapped(v.figures());
        continue;
      }
      Optional<Period> rowPeriod = v.figures().stream().flatMap(f -> f.period().stream()).findFirst().or(() -> p);
      if (rowPeriod.isEmpty()) {
        figures.unmapped(v.figures());
        continue;
      }
      boolean range = word.equals("range") || (word.isEmpty() && v.figures().size() >= 2);
      for (Figure f : v.figures()) {
        String c = lower(column(t, f).title());
        String concept = c.contains("value or low") ? (range ? "low" : "value")
            : c.contains("high") ? "high" : c.endsWith("actual") ? "actual" : c.contains("differ") ? "difference" : null;
        if (concept == null) {
          figures.unmapped(f);
          continue;
        }
        figures.put(new FactKey(entity, concept, qualifier, rowPeriod.get()), f, measure, exponent, false);
      }
    }
  }

  // ---------------------------------------------------------------- projects

  private void schedule(Table t, Entity entity) {
    Optional<Period> first = t.columns().stream().flatMap(c -> c.period().stream()).min(Period::compareTo)
        .map(pp -> (Period) new Period.Year(pp.year()));
    first.ifPresent(f -> projectStart.put(entity, f));
    for (TableRow.Values v : t.valueRows()) {
      String l = lower(v.label());
      Optional<String> concept = SCHEDULE.stream().filter(s -> l.matches(s[0])).map(s -> s[1]).findFirst();
      Optional<Measure> measure = concept.flatMap(c -> scheduleMeasure(c, v.label()));
      if (measure.isEmpty() || first.isEmpty()) {
        figures.unmapped(v.figures());
        continue;
      }
      int exp = measure.get() == Measure.MONEY ? figures.exponent(t, Measure.MONEY) : 0;
      for (Figure f : v.figures()) {
        Column c = column(t, f);
        if (c.period().isPresent()) {
          figures.put(FactKey.of(entity, concept.get(), new Period.Year(c.period().get().year())), f, measure.get(), exp, false);
        } else if (lower(c.title()).equals("total")) {
          figures.put(new FactKey(entity, concept.get(), "total", first.get()), f, measure.get(), exp, false);
        } else {
          figures.unmapped(f);
        }
      }
    }
  }

  private static Optional<Measure> scheduleMeasure(String concept, String label) {
    String unit = ConceptDictionary.unitHint(label);
    return switch (concept) {
      case Concepts.ORE_MINED -> unit.contains("tonnes") || unit.equals("t") ? Optional.of(Measure.TONNES)
          : unit.contains("tons") ? Optional.of(Measure.TONS) : Optional.empty();
      case "grade" -> unit.contains("oz") ? Optional.of(Measure.GRADE_OZ_TON) : unit.contains("g/t") ? Optional.of(Measure.GRADE_G_T)
          : unit.contains("%") ? Optional.of(Measure.PERCENT) : Optional.empty();
      case Concepts.PROJECT_METAL_PRODUCED -> quantity(unit);
      case "price", Concepts.PROJECT_CASH_COST -> unit.endsWith("/lb") ? Optional.of(Measure.PER_POUND) : unit.contains("/oz")
          ? Optional.of(Measure.PER_OUNCE) : Optional.empty();
      default -> Optional.of(Measure.MONEY);
    };
  }

  private void returns(Table t, Entity entity) {
    Period first = projectStart.get(entity);
    for (TableRow.Values v : t.valueRows()) {
      String l = lower(v.label());
      Matcher npv = NPV_AT.matcher(v.label());
      FactKey key = null;
      Measure m = null;
      if (first != null && npv.find()) {
        key = new FactKey(entity, "npv", npv.group(1), first);
        m = Measure.MONEY;
      } else if (first != null && l.startsWith("internal rate of return")) {
        key = FactKey.of(entity, Concepts.IRR_PCT, first);
        m = Measure.PERCENT;
      } else if (first != null && l.startsWith("payback")) {
        key = FactKey.of(entity, Concepts.PAYBACK_YEARS, first);
        m = Measure.RATIO;
      } else if (first != null && l.matches("(cash|all-in) cost per (ounce|pound).*")) {
        key = FactKey.of(entity, l.startsWith("cash") ? Concepts.CASH_COST_PER_UNIT : Concepts.ALL_IN_COST_PER_UNIT, first);
        // a pound's cost is kept as a plain ratio by the project model
        m = l.contains("ounce") ? Measure.PER_OUNCE : Measure.RATIO;
      }
      if (key == null) {
        figures.unmapped(v.figures());
        continue;
      }
      int exp = m == Measure.MONEY ? figures.exponent(t, m, v.label()) : 0;
      for (Figure f : v.figures()) {
        figures.put(key, f, m, exp, false);
      }
    }
  }

  private void sensitivity(Table t, Entity entity, String title) {
    Period first = projectStart.get(entity);
    Matcher npv = NPV_AT.matcher(title);
    if (first == null || !npv.find()) {
      figures.unmapped(t.figures());
      return;
    }
    String base = npv.group(1);
    int exp = title.contains("$000") || lower(title).contains("thousands") ? 3 : figures.exponent(t, Measure.MONEY);
    for (TableRow.Values v : t.valueRows()) {
      String driver = DRIVERS.get(lower(v.label()));
      if (driver == null) {
        figures.unmapped(v.figures());
        continue;
      }
      for (Figure f : v.figures()) {
        String c = lower(column(t, f).title());
        Matcher pc = PERCENT_COLUMN.matcher(c);
        if (c.equals("base")) {
          figures.put(new FactKey(entity, "npv", base, first), f, Measure.MONEY, exp, false);
        } else if (pc.matches()) {
          String change = new java.math.BigDecimal(pc.group(1)).stripTrailingZeros().toPlainString();
          figures.put(new FactKey(entity, Concepts.NPV_SENSITIVITY, driver + ":" + change + "%", first), f, Measure.MONEY, exp, false);
        } else {
          figures.unmapped(f);
        }
      }
    }
  }

  // ---------------------------------------------------------------- exchange offer

  private void pricing(Table t) {
    Optional<LocalDate> firstDay = Optional.empty();
    List<TableRow.Values> vwapRows = new ArrayList<>();
    for (TableRow.Values v : t.valueRows()) {
      Optional<LocalDate> day = date(v.label().replace(".", "").replaceAll("\\s+", " ").trim(), SHORT_DATE);
      if (day.isEmpty()) {
        vwapRows.add(v);
        continue;
      }
      if (firstDay.isEmpty()) {
        firstDay = day;
      }
      Period y = new Period.Year(day.get().getYear());
      for (Figure f : v.figures()) {
        String c = lower(column(t, f).title());
        String field = c.equals("price") ? Concepts.DAY_PRICE : c.startsWith("volume") ? Concepts.DAY_VOLUME : c.startsWith("value") ? Concepts.DAY_VALUE_TRADED : null;
        if (field == null) {
          figures.unmapped(f);
          continue;
        }
        Measure m = field.equals(Concepts.DAY_PRICE) ? Measure.PER_SHARE : field.equals(Concepts.DAY_VOLUME) ? Measure.SHARES : Measure.MONEY;
        int exp = m == Measure.MONEY ? figures.exponent(t, m, column(t, f).title()) : 0;
        figures.put(new FactKey(Entity.OFFER, field, day.get().toString(), y), f, m, exp, false);
      }
    }
    offerPeriod = firstDay.map(d -> new Period.Year(d.getYear()));
    for (TableRow.Values v : vwapRows) {
      boolean vwap = lower(v.label()).contains("volume-weighted average price") && offerPeriod.isPresent();
      for (Figure f : v.figures()) {
        if (vwap && lower(column(t, f).title()).equals("price")) {
          figures.put(FactKey.of(Entity.OFFER, "vwap", offerPeriod.get()), f, Measure.PER_SHARE, 0, false);
        } else {
          figures.unmapped(f);
        }
      }
    }
  }

  private void terms(Table t) {
    for (TableRow.Values v : t.valueRows()) {
      String l = lower(v.label());
      Optional<String[]> term = TERMS.stream().filter(x -> l.matches(x[0])).findFirst();
      if (term.isEmpty() || offerPeriod.isEmpty()) {
        figures.unmapped(v.figures());
        continue;
      }
      Measure m = Measure.valueOf(term.get()[2]);
      int exp = m == Measure.MONEY ? figures.exponent(t, m, v.label()) : 0;
      for (Figure f : v.figures()) {
        figures.put(FactKey.of(Entity.OFFER, term.get()[1], offerPeriod.get()), f, m, exp, false);
      }
    }
  }

  // ---------------------------------------------------------------- units and dates

  /** A quantity's measure from its printed unit: oz, lb, t, tons. */
  private static Optional<Measure> quantity(String unit) {
    String u = unit.toLowerCase(Locale.ROOT).replace(".", "").trim();
    return switch (u) {
      case "oz", "ounces" -> Optional.of(Measure.OUNCES);
      case "lb", "lbs", "pounds" -> Optional.of(Measure.POUNDS);
      case "t", "tonnes" -> Optional.of(Measure.TONNES);
      case "st", "tons" -> Optional.of(Measure.TONS);
      default -> Optional.empty();
    };
  }

  /** A cost per unit's measure from its printed unit: USD/oz, cents/lb, USD/lb. */
  private static Optional<Measure> perUnit(String unit) {
    String u = unit.toLowerCase(Locale.ROOT).replace(".", "").replace("$", "usd").trim();
    return switch (u) {
      case "usd/oz" -> Optional.of(Measure.PER_OUNCE);
      case "cents/lb" -> Optional.of(Measure.CENTS_PER_POUND);
      case "usd/lb" -> Optional.of(Measure.PER_POUND);
      default -> Optional.empty();
    };
  }

  private static Optional<LocalDate> date(String text, DateTimeFormatter f) {
    try {
      return Optional.of(LocalDate.parse(text, f));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
