package org.orebook.check;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.edgar.Column;
import org.orebook.edgar.Figure;
import org.orebook.edgar.ReleaseText;
import org.orebook.edgar.TableRow;
import org.orebook.edgar.TextTable;
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
import org.orebook.quantity.Interval;
import org.orebook.quantity.Period;

/**
 * Turns the tables the reader found into the engine's terms: which table is which (by its title),
 * which block of rows belongs to which unit, group or segment (by its heading), which concept each
 * row is (by the {@link ConceptDictionary}), and the statement lines with the subtotals their rules
 * mark. Nothing here knows a particular company.
 */
public final class Modeller {
  enum Kind { HIGHLIGHTS, OPERATIONS, NON_GAAP, BALANCE_SHEET, CASH_FLOWS, PRODUCTION, RECONCILIATION, RESERVES, ALL_IN,
    COPRODUCT, RESERVE_SUMMARY, RESERVE_CHANGES, RESERVE_PARAMETERS, FINANCE, OTHER }

  private static final Pattern PCT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");

  private final ReleaseText text;
  private final FactSet facts = new FactSet();
  private final Map<FactKey, Reading> readings = new LinkedHashMap<>();
  private final Map<FactKey, FactKey> aliases = new LinkedHashMap<>();
  private final List<Figure> unmapped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, UnitInfo> units = new LinkedHashMap<>();
  private final Map<String, Segment> segments = new LinkedHashMap<>();
  private final List<Metal> metals = new ArrayList<>();
  private final Map<String, Property> properties = new LinkedHashMap<>();
  private final List<StatementLine> lines = new ArrayList<>();
  private final Map<String, String> statementConcepts = new LinkedHashMap<>();
  private final Set<String> statementsSeen = new LinkedHashSet<>();
  private int defaultMoneyExponent;

  private static final class UnitInfo {
    final String id;
    String name;
    BigDecimal pct = BigDecimal.valueOf(100);
    Metal primary;
    final Set<Metal> produced = new LinkedHashSet<>();
    String country = "";

    UnitInfo(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  private Modeller(ReleaseText text) {
    this.text = text;
  }

  /** Models a release; never throws on odd tables (what cannot be keyed is counted as unmapped). */
  public static PublishedRelease model(ReleaseText text) {
    Modeller m = new Modeller(text);
    m.run();
    return m.result();
  }

  private void run() {
    Map<Integer, Integer> exps = new HashMap<>();
    for (TextTable t : text.tables()) {
      t.unit().filter(u -> u.scaled().contains("dollars")).ifPresent(u -> exps.merge(u.exponent(), 1, Integer::sum));
    }
    defaultMoneyExponent = exps.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
    Kind previous = null;
    for (TextTable t : text.tables()) {
      Kind k = kind(t, previous);
      switch (k) {
        case RESERVES -> reserves(t);
        case OPERATIONS -> statement(t, "operations");
        case NON_GAAP -> statement(t, "non_gaap");
        case BALANCE_SHEET -> statement(t, "balance_sheet");
        case CASH_FLOWS -> statement(t, "cash_flows");
        case PRODUCTION, RECONCILIATION -> operating(t, k);
        case ALL_IN -> allIn(t);
        case COPRODUCT -> coProduct(t);
        case RESERVE_SUMMARY -> reserveSummary(t);
        case RESERVE_CHANGES -> reserveChanges(t);
        case RESERVE_PARAMETERS -> reserveParameters(t);
        case HIGHLIGHTS, OTHER -> highlights(t, k);
        case FINANCE -> t.figures().forEach(unmapped::add);
      }
      previous = k;
    }
  }

  static Kind kind(TextTable t, Kind previous) {
    String n = (t.name() + " " + String.join(" ", t.titleLines()) + " " + t.stub()).toLowerCase(Locale.ROOT);
    boolean periods = t.columns().stream().anyMatch(c -> c.period().isPresent());
    boolean gradeColumns = t.columns().stream().map(c -> c.title().toLowerCase(Locale.ROOT))
        .anyMatch(c -> c.contains("oz/ton") || c.contains("g/t") || c.contains("(ounces)") || c.equals("tons")
            || c.equals("tonnes") || c.contains("grade"));
    if (n.matches(".*summary of (mineral )?reserves( and resources)?.*")) {
      return Kind.RESERVE_SUMMARY;
    }
    if (n.matches(".*reconciliation of (proven and probable )?(mineral )?(ore )?reserves.*")) {
      return Kind.RESERVE_CHANGES;
    }
    if (n.contains("estimation parameters")) {
      return Kind.RESERVE_PARAMETERS;
    }
    if (!periods && (gradeColumns || n.matches(".*(reserve|resource|mineralized|proven|probable|measured|indicated|inferred).*"))) {
      return Kind.RESERVES;
    }
    if (t.continues() && t.name().endsWith(", note") && previous != null
        && List.of(Kind.OPERATIONS, Kind.BALANCE_SHEET, Kind.CASH_FLOWS).contains(previous)) {
      String c = t.context().toLowerCase(Locale.ROOT);
      return c.contains("non-gaap") || c.contains("non-u.s. gaap") || c.contains("reconcil") ? Kind.NON_GAAP : Kind.OTHER;
    }
    if (n.matches(".*\\b(project economics|hedge book|hedged positions|guidance|exchange offer)\\b.*")) {
      // a project's, a hedge book's, guidance's or an offer's figures are not the company's results
      return Kind.FINANCE;
    }
    if (n.contains("balance sheet") || n.contains("financial position")) {
      return Kind.BALANCE_SHEET;
    }
    if (n.contains("cash flow")) {
      return Kind.CASH_FLOWS;
    }
    if (n.matches(".*statements? of (consolidated )?(operations|income|earnings|loss).*") || n.contains("income statement")) {
      return Kind.OPERATIONS;
    }
    if (n.matches(".*\\ball-in (sustaining )?costs?\\b.*|.*\\ball-in cost items\\b.*")) {
      return Kind.ALL_IN;
    }
    if (n.contains("co-product")) {
      return Kind.COPRODUCT;
    }
    if (n.contains("reconciliation")) {
      return Kind.RECONCILIATION;
    }
    if (n.matches(".*(production|operating data|operating statistics|operating results|mine statistics).*")) {
      return Kind.PRODUCTION;
    }
    if (n.matches(".*(highlights|summary|selected).*")) {
      return Kind.HIGHLIGHTS;
    }
    boolean unitHeadings = t.rows().stream().anyMatch(r -> r instanceof TableRow.Heading h && !h.colon()
        && h.text().toUpperCase(Locale.ROOT).matches(".*\\b(UNIT|MINE|MINES|PROJECT)\\b.*"));
    return unitHeadings ? Kind.PRODUCTION : Kind.OTHER;
  }

  // ------------------------------------------------------------------ registering figures

  private void put(FactKey key, Figure f, Measure m, int exponent, boolean negate) {
    Reading r = new Reading(key, f, exponent, negate, m.unit, Reading.intervalOf(f, exponent, negate));
    if (!readings.containsKey(key)) {
      readings.put(key, r);
      facts.add(new Fact(key, r.value(), m.unit, new Origin.Published(f.table(), f.label(), f.line())));
    } else {
      FactKey alias = new FactKey(key.entity(), key.concept(), key.qualifier() + "@line" + f.line() + ":" + f.column(),
          key.period());
      readings.put(alias, new Reading(alias, f, exponent, negate, m.unit, r.interval()));
      aliases.put(alias, key);
    }
  }

  private int exponent(TextTable t, Measure m) {
    if (t.unit().isPresent()) {
      return m.exponent(t.unit().get());
    }
    return m == Measure.MONEY ? defaultMoneyExponent : 0;
  }

  private void putRow(TextTable t, TableRow.Values v, String entity, Mapping mp) {
    int exp = exponent(t, mp.measure());
    for (Figure f : v.figures()) {
      if (f.period().isEmpty()) {
        unmapped.add(f);
        continue;
      }
      put(new FactKey(entity, mp.concept(), mp.metal(), f.period().get()), f, mp.measure(), exp, mp.negate());
    }
  }

  // ------------------------------------------------------------------ highlights and other company tables

  private void highlights(TextTable t, Kind k) {
    for (TableRow.Values v : t.valueRows()) {
      String s = v.section().toLowerCase(Locale.ROOT);
      String l = ConceptDictionary.normalize(v.label());
      Optional<Mapping> company = ConceptDictionary.companyRow(v.label());
      if (s.matches(".*(sales|revenue).*") && !s.contains("production")) {
        if (l.startsWith("total") || l.isEmpty()) {
          putRow(t, v, COMPANY, Mapping.of(SALES, Measure.MONEY));
        } else {
          putRow(t, v, segmentOf(v.label()), Mapping.of(SALES, Measure.MONEY));
        }
      } else if (s.matches(".*gross (profit|margin).*")) {
        if (l.startsWith("total") || l.isEmpty()) {
          putRow(t, v, COMPANY, Mapping.of(GROSS_PROFIT, Measure.MONEY));
        } else {
          putRow(t, v, segmentOf(v.label()), Mapping.of(GROSS_PROFIT, Measure.MONEY));
        }
      } else if (s.matches(".*price.*")) {
        price(t, v);
      } else if (s.matches(".*(production|operating).*") || !v.subheading().isEmpty()) {
        Optional<Mapping> mp = ConceptDictionary.unitRow(v.label(), v.subheading());
        Optional<Metal> own = ConceptDictionary.metalIn(l);
        if (mp.isEmpty() && own.isPresent() && l.equals(own.get().displayName().toLowerCase(Locale.ROOT))) {
          mp = Optional.of(Mapping.of(PRODUCED, own.get().name(),
              ConceptDictionary.quantityMeasure(own.get(), ConceptDictionary.unitHint(v.label()))));
        }
        Optional<Metal> subMetal = ConceptDictionary.metalIn(v.subheading());
        if (mp.isPresent() && mp.get().concept().endsWith("_per_oz") && subMetal.isPresent()) {
          putRow(t, v, group(subMetal.get().name()), mp.get());
        } else if (mp.isPresent() && mp.get().concept().equals(PRODUCED)) {
          Metal m = Metal.valueOf(mp.get().metal());
          if (!metals.contains(m)) {
            metals.add(m);
          }
          putRow(t, v, COMPANY, mp.get());
        } else if (company.isPresent()) {
          putRow(t, v, COMPANY, company.get());
        } else {
          unmapped.addAll(v.figures());
        }
      } else if (company.isPresent()) {
        putRow(t, v, COMPANY, company.get());
      } else {
        unmapped.addAll(v.figures());
      }
    }
  }

  private String segmentOf(String label) {
    String name = label.replaceAll("\\(\\d{1,2}\\)|\\([a-z]\\)|\\*+", " ").replaceAll("\\s+", " ").trim();
    String id = slug(name);
    segments.putIfAbsent(id, new Segment(id, name));
    return org.orebook.relations.Concepts.segment(id);
  }

  private void price(TextTable t, TableRow.Values v) {
    String label = v.label().replaceAll("\\(\\d{1,2}\\)", " ");
    Optional<Metal> m = ConceptDictionary.metalIn(label);
    if (m.isEmpty()) {
      unmapped.addAll(v.figures());
      return;
    }
    String hint = ConceptDictionary.unitHint(label);
    String basis = org.orebook.edgar.Brackets.replace(label, '(', ')', " ").replaceAll("(?i)^\\s*" + m.get().displayName() + "\\s*-?\\s*", "")
        .replaceAll("\\s+", " ").trim();
    Measure measure = hint.contains("cents") || hint.contains("lb") || hint.contains("pound") ? Measure.CENTS_PER_POUND
        : Measure.PER_OUNCE;
    putRow(t, v, "market", Mapping.of(PRICE, m.get().name() + ":" + basis, measure));
  }

  // ------------------------------------------------------------------ production data and reconciliation

  private void operating(TextTable t, Kind k) {
    for (TableRow.Values v : t.valueRows()) {
      String entity = entityOf(v.section());
      Optional<Mapping> mp = ConceptDictionary.unitRow(v.label(), v.subheading());
      if (entity == null || mp.isEmpty()) {
        unmapped.addAll(v.figures());
        continue;
      }
      Mapping m = mp.get();
      if (entity.startsWith("unit:")) {
        UnitInfo u = units.get(entity.substring(5));
        if (m.concept().equals(PRODUCED)) {
          u.produced.add(Metal.valueOf(m.metal()));
        }
        Optional<Metal> costMetal = m.concept().endsWith("_per_oz") ? ConceptDictionary.metalIn(v.subheading() + " " + v.label())
            : m.concept().equals(COST_OUNCES) || m.concept().equals(COST_BASIS) ? ConceptDictionary.metalIn(v.label())
            : Optional.empty();
        if (costMetal.isPresent() && u.primary == null) {
          u.primary = costMetal.get();
        }
      }
      putRow(t, v, entity, m);
    }
  }

  /**
   * An all-in sustaining costs table: blocks per unit and per metal, and blocks tying the items to
   * the GAAP line they are drawn from (keyed by the block heading).
   */
  private void allIn(TextTable t) {
    for (TableRow.Values v : t.valueRows()) {
      Optional<Mapping> gaap = ConceptDictionary.gaapLineRow(v.label());
      if (gaap.isPresent() && !v.section().isBlank()) {
        putRow(t, v, GAAP, Mapping.of(gaap.get().concept(), slug(v.section()), Measure.MONEY));
        continue;
      }
      String entity = entityOf(v.section());
      Optional<Mapping> mp = ConceptDictionary.allInRow(v.label());
      if (entity == null || mp.isEmpty()) {
        unmapped.addAll(v.figures());
        continue;
      }
      if (entity.startsWith("unit:") && mp.get().concept().equals(SOLD)) {
        UnitInfo u = units.get(entity.substring(5));
        if (u.primary == null) {
          u.primary = Metal.valueOf(mp.get().metal());
        }
      }
      putRow(t, v, entity, mp.get());
    }
  }

  /** A co-product cost table: a block per unit, a "Gold:" subheading per metal. */
  private void coProduct(TextTable t) {
    for (TableRow.Values v : t.valueRows()) {
      String entity = entityOf(v.section());
      Optional<Mapping> mp = ConceptDictionary.coProductRow(v.label(), v.subheading());
      if (entity == null || mp.isEmpty()) {
        unmapped.addAll(v.figures());
        continue;
      }
      if (entity.startsWith("unit:") && !mp.get().metal().isEmpty()) {
        units.get(entity.substring(5)).produced.add(Metal.valueOf(mp.get().metal()));
      }
      putRow(t, v, entity, mp.get());
    }
  }

  /** The entity a block heading names: a metal group ({@code COMBINED SILVER PROPERTIES}) or a unit. */
  private String entityOf(String heading) {
    if (heading.isBlank()) {
      return null;
    }
    String h = heading.trim();
    Optional<Metal> metal = ConceptDictionary.metalIn(h);
    if (h.toLowerCase(Locale.ROOT).matches(".*\\b(combined|total|consolidated|all)\\b.*") && metal.isPresent()) {
      return group(metal.get().name());
    }
    String name = unitName(h);
    if (name.isEmpty()) {
      return null;
    }
    String id = slug(name);
    UnitInfo u = units.computeIfAbsent(id, i -> new UnitInfo(i, name));
    Matcher pct = PCT.matcher(h);
    if (pct.find()) {
      u.pct = new BigDecimal(pct.group(1));
    }
    return unit(id);
  }

  /** "GREENS CREEK UNIT (Reflects ... share)" → "Greens Creek". */
  static String unitName(String heading) {
    String n = org.orebook.edgar.Brackets.replace(heading, '(', ')', " ").replaceAll("\\s+", " ").trim();
    n = n.replaceAll("(?i)[\\s,-]+(unit|mine|mines|operations?|property|properties)$", "").trim();
    n = n.replaceAll("(?i)^(the)\\s+", "");
    return titleCase(n);
  }

  static String titleCase(String s) {
    if (!s.equals(s.toUpperCase(Locale.ROOT))) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (String w : s.toLowerCase(Locale.ROOT).split(" ")) {
      if (!w.isEmpty()) {
        sb.append(sb.isEmpty() ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return sb.toString();
  }

  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  // ------------------------------------------------------------------ reserves

  private void reserves(TextTable t) {
    String n = (t.name() + " " + String.join(" ", t.titleLines())).toLowerCase(Locale.ROOT);
    ReserveCategory cat = categoryOf(n);
    Optional<Period> p = text.latestYear();
    if (p.isEmpty()) {
      t.figures().forEach(unmapped::add);
      notes.add(t.name() + ": no year for the reserve table (no column names a period)");
      return;
    }
    List<Optional<Mapping>> cols = new ArrayList<>();
    for (Column c : t.columns()) {
      cols.add(reserveColumn(c, cat));
    }
    for (TableRow.Values v : t.valueRows()) {
      String label = v.label().replaceAll("\\(\\d{1,2}\\)", " ").replaceAll("\\s+", " ").trim();
      boolean total = label.toLowerCase(Locale.ROOT).matches("total.*");
      String entity = total ? org.orebook.relations.Concepts.reserves() : property(propertyOf(label));
      for (Figure f : v.figures()) {
        Optional<Mapping> mp = f.column() < cols.size() ? cols.get(f.column()) : Optional.empty();
        if (mp.isEmpty() || (total && !mp.get().concept().equals(CONTAINED))) {
          unmapped.add(f);
          continue;
        }
        Mapping m = mp.get();
        put(new FactKey(entity, m.concept(), m.metal(), p.get()), f, m.measure(), exponent(t, m.measure()), false);
      }
    }
  }

  /**
   * The category a reserve table's title names: S-K 1300 titles ("Measured and Indicated Mineral
   * Resources", "Proven Mineral Reserves") and Guide 7 ones ("Mineralized Material", "Other Resources").
   */
  static ReserveCategory categoryOf(String title) {
    String n = title.toLowerCase(Locale.ROOT);
    boolean sk = n.contains("mineral resource") || n.contains("mineral reserve");
    if (n.contains("mineralized")) {
      return ReserveCategory.MINERALIZED_MATERIAL;
    }
    if (n.contains("measured") && n.contains("indicated")) {
      return sk ? ReserveCategory.MEASURED_INDICATED : ReserveCategory.MINERALIZED_MATERIAL;
    }
    if (sk && n.contains("measured")) {
      return ReserveCategory.MEASURED;
    }
    if (sk && n.contains("indicated")) {
      return ReserveCategory.INDICATED;
    }
    if (sk && n.contains("inferred")) {
      return ReserveCategory.INFERRED;
    }
    if (n.contains("proven") && n.contains("probable")) {
      return ReserveCategory.PROVEN_PROBABLE;
    }
    if (sk && n.contains("proven")) {
      return ReserveCategory.PROVEN;
    }
    if (sk && n.contains("probable")) {
      return ReserveCategory.PROBABLE;
    }
    return n.matches(".*(other resources|inferred|resources?).*") && !n.matches(".*(reserve|proven|probable).*")
        ? ReserveCategory.OTHER_RESOURCES : ReserveCategory.PROVEN_PROBABLE;
  }

  /** A summary across properties: a row per category, contained metal per metal column. */
  private void reserveSummary(TextTable t) {
    Optional<Period> p = text.latestYear();
    for (TableRow.Values v : t.valueRows()) {
      ReserveCategory cat = categoryOf(v.label());
      for (Figure f : v.figures()) {
        Optional<Mapping> mp = p.isEmpty() || f.column() >= t.columns().size() ? Optional.empty()
            : reserveColumn(t.columns().get(f.column()), cat).filter(m -> m.concept().equals(CONTAINED));
        if (mp.isEmpty()) {
          unmapped.add(f);
          continue;
        }
        put(new FactKey(org.orebook.relations.Concepts.reserves(), CONTAINED, mp.get().metal(), p.get()), f,
            mp.get().measure(), exponent(t, mp.get().measure()), false);
      }
    }
  }

  /** A reserve reconciliation: "Atacama - Gold (ounces)" rows; opening, depleted, added, revised, closing columns. */
  private void reserveChanges(TextTable t) {
    Optional<Period> p = text.latestYear();
    for (TableRow.Values v : t.valueRows()) {
      String label = v.label();
      int dash = label.lastIndexOf(" - ");
      Optional<Metal> metal = dash < 0 ? Optional.empty() : ConceptDictionary.metalIn(label.substring(dash + 3));
      if (p.isEmpty() || metal.isEmpty()) {
        unmapped.addAll(v.figures());
        continue;
      }
      String who = label.substring(0, dash).trim();
      String entity = who.toLowerCase(Locale.ROOT).matches("total.*") ? org.orebook.relations.Concepts.reserves()
          : property(propertyOf(who));
      Measure measure = ConceptDictionary.quantityMeasure(metal.get(), ConceptDictionary.unitHint(label));
      for (Figure f : v.figures()) {
        String h = f.column() < t.columns().size() ? t.columns().get(f.column()).title().toLowerCase(Locale.ROOT) : "";
        String concept = h.contains("opening") || h.contains("beginning") ? RES_OPENING
            : h.contains("deplet") || h.contains("mined") ? RES_DEPLETED
            : h.contains("add") || h.contains("discover") ? RES_ADDED
            : h.contains("revis") ? RES_REVISED
            : h.contains("closing") || h.contains("end") ? RES_CLOSING : null;
        if (concept == null) {
          unmapped.add(f);
          continue;
        }
        boolean negate = concept.equals(RES_DEPLETED) && f.value().signum() < 0;
        put(new FactKey(entity, concept, metal.get().name(), p.get()), f, measure, exponent(t, measure), negate);
      }
    }
  }

  private static final Pattern PARAMETER_ROW =
      Pattern.compile("(.+?) (reserves|resources) - ([a-z ]+?)(?: \\(([^)]*)\\))?", Pattern.CASE_INSENSITIVE);

  /**
   * The estimation parameters: "Atacama reserves - gold (cut-off oz/ton, USD/oz)" rows, cut-off,
   * recovery and price columns; the label names the units ("all metals": a net-smelter-return or
   * equivalent cut-off). Read as the figures the engine's inputs are; no relation ties them.
   */
  private void reserveParameters(TextTable t) {
    Optional<Period> p = text.latestYear();
    for (TableRow.Values v : t.valueRows()) {
      Matcher mt = PARAMETER_ROW.matcher(v.label().replaceAll("\\s+", " ").trim());
      boolean all = mt.matches() && mt.group(3).equalsIgnoreCase("all metals");
      Optional<Metal> metal = !mt.matches() || all ? Optional.empty() : ConceptDictionary.metalIn(mt.group(3));
      if (p.isEmpty() || !mt.matches() || (!all && metal.isEmpty()) || properties.get(slug(unitName(mt.group(1).trim()))) == null) {
        unmapped.addAll(v.figures());
        continue;
      }
      String cutUnit = null;
      String priceUnit = null;
      for (String u : (mt.group(4) == null ? "" : mt.group(4)).split(",")) {
        String w = u.trim();
        if (w.toLowerCase(Locale.ROOT).startsWith("cut-off ")) {
          cutUnit = w.substring("cut-off ".length()).trim();
        } else if (!w.isEmpty()) {
          priceUnit = w;
        }
      }
      String entity = property(propertyOf(mt.group(1).trim()));
      String q = mt.group(2).toLowerCase(Locale.ROOT) + ":" + metal.map(Metal::name).orElse("");
      for (Figure f : v.figures()) {
        String h = f.column() < t.columns().size() ? t.columns().get(f.column()).title().toLowerCase(Locale.ROOT) : "";
        String concept = h.contains("cut-off") ? CUT_OFF : h.contains("recovery") ? RECOVERY
            : h.contains("price") ? PRICE_ASSUMPTION : null;
        String unit = CUT_OFF.equals(concept) ? cutUnit : RECOVERY.equals(concept) ? "%" : priceUnit;
        Optional<Measure> measure = java.util.Arrays.stream(Measure.values())
            .filter(m -> unit != null && m.unit.code().equals(unit)).findFirst();
        // a dash: the parameter does not apply (no cut-off of its own, no recovery of a resource), not a zero
        if (concept == null || measure.isEmpty() || f.dash()) {
          unmapped.add(f);
          continue;
        }
        put(new FactKey(entity, concept, q, p.get()), f, measure.get(), 0, false);
      }
    }
  }

  private static Optional<Mapping> reserveColumn(Column c, ReserveCategory cat) {
    String h = c.title().toLowerCase(Locale.ROOT);
    Optional<Metal> m = ConceptDictionary.metalIn(h);
    if (m.isEmpty()) {
      // S-K 1300: a partly owned property's tons on a 100% basis beside its attributable tons
      String tons100 = h.matches(".*\\b100\\s*%.*") ? TONS_100PCT : TONS;
      if (h.matches(".*\\btonnes\\b.*")) {
        return Optional.of(Mapping.of(tons100, cat.code(), Measure.TONNES));
      }
      if (h.matches(".*\\btons\\b.*")) {
        return Optional.of(Mapping.of(tons100, cat.code(), Measure.TONS));
      }
      return Optional.empty();
    }
    String q = cat.code() + ":" + m.get().name();
    if (h.contains("oz/ton") || h.contains("oz./ton") || h.contains("opt")) {
      return Optional.of(Mapping.of(GRADE, q, Measure.GRADE_OZ_TON));
    }
    if (h.contains("g/t") || h.contains("gpt")) {
      return Optional.of(Mapping.of(GRADE, q, Measure.GRADE_G_T));
    }
    if (h.contains("%")) {
      return Optional.of(Mapping.of(GRADE, q, Measure.PERCENT));
    }
    if (h.contains("ounces") || h.contains("(oz")) {
      return Optional.of(Mapping.of(CONTAINED, q, Measure.OUNCES));
    }
    if (h.contains("tonnes")) {
      return Optional.of(Mapping.of(CONTAINED, q, Measure.TONNES));
    }
    if (h.contains("tons")) {
      return Optional.of(Mapping.of(CONTAINED, q, Measure.TONS));
    }
    if (h.contains("pounds") || h.contains("lbs")) {
      return Optional.of(Mapping.of(CONTAINED, q, Measure.POUNDS));
    }
    return Optional.empty();
  }

  /** "Greens Creek (29.73%), USA" → property greens-creek, 29.73%, USA. */
  private String propertyOf(String label) {
    String l = label;
    BigDecimal pct = BigDecimal.valueOf(100);
    Matcher m = PCT.matcher(l);
    if (m.find()) {
      pct = new BigDecimal(m.group(1));
    }
    l = org.orebook.edgar.Brackets.replace(l, '(', ')', " ").replaceAll("\\s+", " ").trim();
    String country = "";
    int comma = l.lastIndexOf(',');
    if (comma > 0) {
      country = l.substring(comma + 1).trim();
      l = l.substring(0, comma).trim();
    }
    String name = unitName(l);
    String id = slug(name);
    String c = country;
    BigDecimal own = pct;
    Property prev = properties.get(id);
    if (prev == null) {
      properties.put(id, new Property(id, name, c, own, Optional.empty()));
    } else if (prev.country().isEmpty() && !c.isEmpty()) {
      properties.put(id, new Property(id, prev.name(), c, prev.ownershipPct(), prev.unitId()));
    }
    return id;
  }

  // ------------------------------------------------------------------ statements

  private void statement(TextTable t, String base) {
    String st = base;
    int n = 2;
    while (statementsSeen.contains(st)) {
      st = base + "_" + n++;
    }
    statementsSeen.add(st);
    new StatementReader(st, t).read();
  }

  /** Reads one statement: a line per labelled row, subtotals where a single rule stands above a row. */
  private final class StatementReader {
    final String st;
    final TextTable t;
    final Set<String> ids = new LinkedHashSet<>();
    /** Open items per section; a section heading starts a new section, a double rule closes all. */
    List<List<Item>> sections = new ArrayList<>();
    int ruleCount;
    int unlabelled;

    record Item(String id, TableRow.Values row, int ruleCount) {}

    /** Most lines a subtotal adds (a statement's longest section has a few dozen). */
    static final int MAX_TERMS = 60;
    /** Most interval additions spent choosing one subtotal's signs. */
    static final long SIGN_WORK = 1_000_000;

    StatementReader(String st, TextTable t) {
      this.st = st;
      this.t = t;
      sections.add(new ArrayList<>());
    }

    void read() {
      char previousRule = ' ';
      String sub = "";
      boolean firstLine = true;
      List<StatementLine> out = new ArrayList<>();
      for (TableRow r : t.rows()) {
        switch (r) {
          case TableRow.Heading h -> {
            if (!h.colon()) {
              sections.add(new ArrayList<>());
            }
            previousRule = ' ';
          }
          case TableRow.Rule rule -> {
            if (rule.isDouble()) {
              sections = new ArrayList<>();
              sections.add(new ArrayList<>());
              previousRule = '=';
            } else {
              previousRule = '-';
            }
            ruleCount++;
            if (!out.isEmpty()) {
              StatementLine last = out.get(out.size() - 1);
              out.set(out.size() - 1, new StatementLine(last.statement(), last.id(), last.label(), last.kind(), last.terms(),
                  last.concept(), rule.isDouble() ? "double" : "single"));
            }
          }
          case TableRow.Blank b -> { }
          case TableRow.Values v -> {
            String concept = ConceptDictionary.statementConcept(st.replaceAll("_\\d+$", ""), v.label(), firstLine);
            firstLine = false;
            String id = id(v.label(), concept);
            List<Item> current = sections.get(sections.size() - 1);
            StatementLine line;
            if (previousRule == '-') {
              List<Item> terms;
              if (v.label().isBlank()) {
                int rc = current.isEmpty() ? -1 : current.get(current.size() - 1).ruleCount();
                terms = new ArrayList<>();
                for (int i = current.size() - 1; i >= 0 && current.get(i).ruleCount() == rc; i--) {
                  terms.add(0, current.get(i));
                }
              } else if (current.size() <= 1) {
                terms = new ArrayList<>();
                sections.forEach(terms::addAll);
              } else {
                terms = new ArrayList<>(current);
              }
              List<String> signed = terms.size() >= 2 ? signs(terms, v) : List.of();
              if (signed.isEmpty()) {
                line = new StatementLine(st, id, v.label(), StatementLine.Kind.LINE, List.of(), concept, "");
              } else {
                for (List<Item> s : sections) {
                  s.removeAll(terms);
                }
                line = new StatementLine(st, id, v.label(), StatementLine.Kind.SUBTOTAL, signed, concept, "");
              }
            } else {
              line = new StatementLine(st, id, v.label(), StatementLine.Kind.LINE, List.of(), concept, "");
            }
            out.add(line);
            sections.get(sections.size() - 1).add(new Item(id, v, ruleCount));
            Measure m = measure(v);
            int exp = exponent(t, m);
            for (Figure f : v.figures()) {
              if (f.period().isEmpty()) {
                unmapped.add(f);
              } else {
                put(FactKey.of(st, id, f.period().get()), f, m, exp, false);
              }
            }
            if (!concept.isEmpty()) {
              statementConcepts.put(st + "/" + id, concept);
            }
            previousRule = ' ';
          }
        }
      }
      lines.addAll(out);
    }

    Measure measure(TableRow.Values v) {
      String l = (v.label() + " " + v.subheading()).toLowerCase(Locale.ROOT);
      if (l.contains("per share") || l.contains("per common share")) {
        return Measure.PER_SHARE;
      }
      if (l.matches(".*\\bshares\\b.*") && (l.contains("weighted") || l.contains("outstanding") || l.contains("number of"))) {
        return Measure.SHARES;
      }
      return Measure.MONEY;
    }

    int completeColumns(List<Item> terms, TableRow.Values total) {
      int n = 0;
      for (int c = 0; c < t.columns().size(); c++) {
        final int col = c;
        if (total.cells().get(c).isPresent() && terms.stream().allMatch(i -> i.row().cells().size() > col
            && i.row().cells().get(col).isPresent())) {
          n++;
        }
      }
      return n;
    }

    String id(String label, String concept) {
      String base = !concept.isEmpty() ? concept
          : label.isBlank() ? "subtotal_" + (++unlabelled) : slug(label).replace('-', '_');
      if (base.isEmpty()) {
        base = "line";
      }
      String id = base;
      int n = 2;
      while (ids.contains(id)) {
        id = base + "_" + n++;
      }
      ids.add(id);
      return id;
    }

    /**
     * The signs of a subtotal's terms: as printed (+), except that lines a statement usually
     * subtracts (costs, expenses, provisions, unlabelled subtotals) may be subtracted when that makes
     * the subtotal foot in more columns; the first term is always added.
     */
    List<String> signs(List<Item> terms, TableRow.Values total) {
      if (terms.isEmpty() || terms.size() > MAX_TERMS) {
        return List.of();
      }
      int cols = t.columns().size();
      // every sign pattern of the flexible terms is tried on every column: at most SIGN_WORK additions
      int maxFlexible = 12;
      while (maxFlexible > 0 && (1L << maxFlexible) * Math.max(1, cols) * terms.size() > SIGN_WORK) {
        maxFlexible--;
      }
      List<Integer> flexible = new ArrayList<>();
      for (int i = 1; i < terms.size(); i++) {
        if (ConceptDictionary.costLike(terms.get(i).row().label()) && flexible.size() < maxFlexible) {
          flexible.add(i);
        }
      }
      int best = 0;
      int bestScore = -1;
      int bestMinus = Integer.MAX_VALUE;
      // the columns where the total and every term are printed, not all dashes, and their intervals
      // (a column of dashes, a period the release has no figures for, foots any way: it proves nothing)
      List<Integer> usable = new ArrayList<>();
      List<Interval[]> intervals = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        boolean complete = total.cells().size() > c && total.cells().get(c).isPresent();
        boolean allDashes = complete && total.cells().get(c).get().dash();
        Interval[] iv = new Interval[terms.size() + 1];
        for (int i = 0; i < terms.size() && complete; i++) {
          Optional<Figure> f = terms.get(i).row().cells().size() > c ? terms.get(i).row().cells().get(c) : Optional.empty();
          if (f.isEmpty()) {
            complete = false;
            break;
          }
          allDashes &= f.get().dash();
          iv[i] = Reading.intervalOf(f.get(), 0, false);
        }
        if (complete && !allDashes) {
          iv[terms.size()] = Reading.intervalOf(total.cells().get(c).get(), 0, false);
          usable.add(c);
          intervals.add(iv);
        }
      }
      int[] flexibleBit = new int[terms.size()];
      for (int fi = 0; fi < flexible.size(); fi++) {
        flexibleBit[flexible.get(fi)] = 1 << fi;
      }
      for (int mask = 0; mask < (1 << flexible.size()); mask++) {
        int score = 0;
        for (Interval[] iv : intervals) {
          Interval sum = Interval.exact(BigDecimal.ZERO);
          for (int i = 0; i < terms.size(); i++) {
            sum = (mask & flexibleBit[i]) != 0 ? sum.minus(iv[i]) : sum.plus(iv[i]);
          }
          if (sum.overlaps(iv[terms.size()])) {
            score++;
          }
        }
        int minus = Integer.bitCount(mask);
        if (score > bestScore || (score == bestScore && minus < bestMinus)) {
          best = mask;
          bestScore = score;
          bestMinus = minus;
        }
      }
      if (bestScore == 0 && completeColumns(terms, total) > 0) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < terms.size(); i++) {
        int fi = flexible.indexOf(i);
        out.add((fi >= 0 && (best & (1 << fi)) != 0 ? "-" : "") + terms.get(i).id());
      }
      return out;
    }
  }

  // ------------------------------------------------------------------ the company

  private PublishedRelease result() {
    List<OperatingUnit> us = new ArrayList<>();
    for (UnitInfo u : units.values()) {
      Property p = properties.get(u.id);
      if (p != null) {
        u.country = p.country();
        properties.put(p.id(), new Property(p.id(), p.name(), p.country(), p.ownershipPct(), Optional.of(u.id)));
      }
      List<Metal> by = u.produced.stream().filter(m -> m != u.primary).toList();
      String seg = "";
      for (Segment s : segments.values()) {
        Optional<Metal> sm = ConceptDictionary.metalIn(s.name());
        if (sm.isPresent() && u.primary != null && sm.get() == u.primary) {
          seg = s.id();
          break;
        }
      }
      us.add(new OperatingUnit(u.id, u.name, u.country, seg, u.pct, Optional.ofNullable(u.primary), by, "milled", "milled", true));
      for (Metal m : u.produced) {
        if (!metals.contains(m)) {
          metals.add(m);
        }
      }
    }
    String name = text.companyName().map(Modeller::titleCase).orElse("Unnamed company");
    String shortName = name.split(" ")[0];
    Period period = text.latestYear().orElse(new Period.Year(2000));
    Company company = new Company(name, shortName, "USD", period, metals, List.copyOf(segments.values()), us);
    if (text.tables().stream().noneMatch(t -> t.unit().isPresent()) && defaultMoneyExponent == 0) {
      notes.add("no table names its unit (e.g. \"dollars in thousands\"): money is read as printed");
    }
    return new PublishedRelease(text, company, lines, List.copyOf(properties.values()), facts, readings, aliases,
        statementConcepts, unmapped, notes);
  }
}
