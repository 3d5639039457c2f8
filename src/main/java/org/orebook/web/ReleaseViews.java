package org.orebook.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.orebook.data.Dataset;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.model.ReserveCategory;
import org.orebook.quantity.Period;
import org.orebook.relations.Concepts;
import org.orebook.release.Cell;
import org.orebook.release.Formats;
import org.orebook.release.Release;
import org.orebook.release.Row;
import org.orebook.release.Section;
import org.orebook.release.Table;

/**
 * What the pages show of a release, found by the engine's concepts and entities (never by a
 * company's names): the headline figures with year-on-year changes, the chart series, a unit's rows
 * of the release tables, the reserve sections, and the steps from total cash costs to GAAP cost of
 * sales as the reconciliation table prints them.
 */
final class ReleaseViews {
  private ReleaseViews() {}

  // ---------------------------------------------------------------- overview

  /** One headline figure: how to find it for a period, and how to print it. */
  private record Metric(String label, String unitLabel, Function<Period, FactKey> key, int decimals, int scale) {}

  /** The current and comparison periods of the release: quarter pair, then year pair. */
  static List<Period[]> pairs(Release r) {
    List<Period[]> out = new ArrayList<>();
    if (r.columns().quarter().size() == 2) {
      out.add(new Period[] {r.columns().quarter().get(0), r.columns().quarter().get(1)});
    }
    if (r.columns().toDate().size() == 2) {
      out.add(new Period[] {r.columns().toDate().get(0), r.columns().toDate().get(1)});
    }
    return out;
  }

  /** Column headers of the overview tables: for each pair, current, prior and the change. */
  static List<Map<String, Object>> pairHeaders(Release r) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Period[] p : pairs(r)) {
      out.add(Views.map("current", periodLabel(p[0]), "prior", periodLabel(p[1])));
    }
    return out;
  }

  /** The overview's groups of headline figures, each row with current, prior and change per pair. */
  static List<Map<String, Object>> overview(Release r) {
    Company c = r.company();
    Entity co = Concepts.COMPANY;
    List<Map<String, Object>> groups = new ArrayList<>();
    List<Metric> financial = List.of(
        new Metric("Sales", "$000", p -> FactKey.of(co, Concepts.SALES, p), 0, 3),
        new Metric("Gross profit", "$000", p -> FactKey.of(co, Concepts.GROSS_PROFIT, p), 0, 3),
        new Metric("Net income (loss)", "$000", p -> FactKey.of(co, Concepts.NET_INCOME, p), 0, 3),
        new Metric("Cash from operating activities", "$000", p -> FactKey.of(co, Concepts.CF_OPERATING, p), 0, 3),
        new Metric("Cash and cash equivalents (period end)", "$000", p -> FactKey.of(co, Concepts.CASH, p), 0, 3));
    addGroup(groups, "Financial", financial, r);
    List<Metric> production = new ArrayList<>();
    for (Metal m : c.metals()) {
      production.add(new Metric(m.displayName() + " produced", m.precious() ? "oz" : "tons",
          p -> new FactKey(co, Concepts.PRODUCED, m.name(), p), 0, 0));
    }
    addGroup(groups, "Production", production, r);
    List<Metric> costs = new ArrayList<>();
    for (Metal m : c.metals()) {
      if (c.unitsWithPrimary(m).isEmpty()) {
        continue;
      }
      Entity g = Concepts.group(m.name());
      String name = m.displayName();
      String per = r.company().costAbbreviation(m).replace(".", "");
      if (!m.precious()) {
        costs.add(new Metric(name + ": C1 cash costs per " + per, "$/" + per,
            p -> FactKey.of(g, Concepts.C1_PER_LB, p), r.company().costDecimals(m), 0));
      }
      costs.add(new Metric(name + ": cash operating costs per " + per, "$/" + per,
          p -> FactKey.of(g, Concepts.CASH_OPERATING_PER_OZ, p), r.company().costDecimals(m), 0));
      costs.add(new Metric(name + ": total cash costs per " + per, "$/" + per,
          p -> FactKey.of(g, Concepts.TOTAL_CASH_PER_OZ, p), r.company().costDecimals(m), 0));
      costs.add(new Metric(name + ": total production costs per " + per, "$/" + per,
          p -> FactKey.of(g, Concepts.TOTAL_PRODUCTION_PER_OZ, p), r.company().costDecimals(m), 0));
    }
    List<String> words = c.metals().stream().filter(m -> !c.unitsWithPrimary(m).isEmpty()).map(c::costWord).distinct()
        .sorted(java.util.Comparator.comparing(w -> List.of("ounce", "pound", "tonne").indexOf(w))).toList();
    addGroup(groups, "Cost per " + (words.isEmpty() ? "ounce" : String.join(" and per ", words)) + " (non-GAAP)", costs, r);
    return groups;
  }

  private static void addGroup(List<Map<String, Object>> groups, String title, List<Metric> metrics, Release r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Metric m : metrics) {
      List<Map<String, Object>> cells = new ArrayList<>();
      boolean any = false;
      for (Period[] p : pairs(r)) {
        Optional<Fact> cur = r.facts().find(m.key.apply(p[0]));
        Optional<Fact> prior = r.facts().find(m.key.apply(p[1]));
        any |= cur.isPresent() || prior.isPresent();
        cells.add(Views.map(
            "current", cur.map(f -> print(f.value(), m.decimals, m.scale)).orElse("\u2014"),
            "currentKey", cur.map(f -> f.key().toString()).orElse(null),
            "prior", prior.map(f -> print(f.value(), m.decimals, m.scale)).orElse("\u2014"),
            "priorKey", prior.map(f -> f.key().toString()).orElse(null),
            "change", cur.isPresent() && prior.isPresent() ? change(r, cur.get(), prior.get()) : "",
            "changeClass", cur.isPresent() && prior.isPresent() ? changeClass(cur.get().value(), prior.get().value()) : ""));
      }
      if (any) {
        rows.add(Views.map("label", m.label, "unit", m.unitLabel, "cells", cells));
      }
    }
    if (!rows.isEmpty()) {
      groups.add(Views.map("title", title, "rows", rows));
    }
  }

  /** The units of the company with their headline figures for the release's main period. */
  static List<Map<String, Object>> unitSummaries(String companyPath, Release r) {
    Period main = mainPeriod(r);
    List<Map<String, Object>> out = new ArrayList<>();
    for (OperatingUnit u : r.company().units()) {
      Entity e = Concepts.unit(u.id());
      List<String> produced = new ArrayList<>();
      for (Metal m : u.metals()) {
        r.facts().find(new FactKey(e, Concepts.PRODUCED, m.name(), main)).ifPresent(f ->
            produced.add(Formats.number(f.value(), 0) + " " + unitWord(f.unit()) + " "
                + m.displayName().toLowerCase(Locale.ROOT)));
      }
      String tcc = u.primaryMetal().flatMap(m -> r.facts().find(FactKey.of(e, Concepts.TOTAL_CASH_PER_OZ, main))
          .map(f -> "$" + Formats.number(f.value(), r.company().costDecimals(m)))).orElse("\u2014");
      String cos = r.facts().find(FactKey.of(e, Concepts.COST_OF_SALES, main))
          .map(f -> Formats.number(f.value().movePointLeft(3), 0)).orElse("\u2014");
      out.add(Views.map("id", u.id(), "name", u.name(), "country", u.country(),
          "href", companyPath + "/units/" + u.id(), "ownership", Formats.plain(u.ownershipPct()) + "%",
          "primary", u.primaryMetal().map(Metal::displayName).orElse("\u2014"),
          "produced", String.join(", ", produced), "tcc", tcc, "cos", cos));
    }
    return out;
  }

  /** The release's main period: the current year when it has year columns, else the current quarter. */
  static Period mainPeriod(Release r) {
    if (!r.columns().toDate().isEmpty()) {
      return r.columns().toDate().get(0);
    }
    return r.columns().quarter().isEmpty() ? r.company().releasePeriod() : r.columns().quarter().get(0);
  }

  /**
   * Every figure the release holds about one entity, a row per concept (and qualifier), a column per
   * release column: the figures behind a unit's page, including those no table prints.
   */
  static List<Map<String, Object>> figuresOf(Release r, Entity entity) {
    Map<String, Map<Period, Fact>> rows = new LinkedHashMap<>();
    for (Fact f : r.facts().all()) {
      FactKey k = f.key();
      if (k.entity().equals(entity) && r.columns().all().contains(k.period())) {
        rows.computeIfAbsent(k.concept() + (k.qualifier().isEmpty() ? "" : "|" + k.qualifier()), x -> new LinkedHashMap<>())
            .put(k.period(), f);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (var e : rows.entrySet()) {
      String[] parts = e.getKey().split("\\|", 2);
      String label = words(parts[0]) + (parts.length > 1 ? " (" + qualifierWords(parts[1]) + ")" : "");
      Fact any = e.getValue().values().iterator().next();
      List<Map<String, Object>> cells = new ArrayList<>();
      for (Period p : r.columns().all()) {
        Fact f = e.getValue().get(p);
        cells.add(Views.map("text", f == null ? "\u2014" : printed(f), "key", f == null ? "" : f.key().toString()));
      }
      out.add(Views.map("label", label, "unit", any.unit().code(), "cells", cells));
    }
    return out;
  }

  /** A figure printed by its unit: dollars in thousands, per-unit amounts in cents, ounces and tons whole. */
  private static String printed(Fact f) {
    return switch (f.unit()) {
      case USD -> print(f.value(), 0, 3);
      case USD_PER_OUNCE, USD_PER_POUND, USD_PER_TON, USD_PER_TONNE, USD_PER_METAL_TONNE, USD_PER_SHARE, PERCENT, CENTS_PER_POUND ->
          print(f.value(), 2, 0);
      case OUNCES_PER_TON, GRAMS_PER_TONNE, RATIO -> print(f.value(), 3, 0);
      default -> print(f.value(), 0, 0);
    };
  }

  /** The short word of a quantity's unit: "oz", "tons", "tonnes", "lb". */
  private static String unitWord(org.orebook.quantity.Unit u) {
    return switch (u) {
      case TROY_OUNCE -> "oz";
      case SHORT_TON -> "tons";
      case TONNE -> "tonnes";
      case POUND -> "lb";
      default -> u.code();
    };
  }

  private static String qualifierWords(String qualifier) {
    List<String> parts = new ArrayList<>();
    for (String part : qualifier.split(":")) {
      parts.add(Metal.ofCode(part).filter(m -> part.length() == 2).map(Metal::displayName)
          .or(() -> ReserveCategory.ofCode(part).map(ReserveCategory::title)).orElse(words(part)));
    }
    return String.join(", ", parts);
  }

  // ---------------------------------------------------------------- charts

  /**
   * Bar charts of total cash cost per ounce by unit, one per primary metal (the per-ounce costs of
   * different metals do not share a scale), with a series per release column.
   */
  static List<Map<String, Object>> costCharts(Release r, String container) {
    List<Map<String, Object>> charts = new ArrayList<>();
    Company c = r.company();
    for (Metal m : c.metals()) {
      List<OperatingUnit> units = c.unitsWithPrimary(m);
      if (units.isEmpty()) {
        continue;
      }
      List<String> names = units.stream().map(OperatingUnit::name).toList();
      List<Map<String, Object>> series = new ArrayList<>();
      for (Period p : r.columns().all()) {
        List<BigDecimal> data = units.stream().map(u -> value(r.facts(), FactKey.of(Concepts.unit(u.id()),
            Concepts.TOTAL_CASH_PER_OZ, p), r.company().costDecimals(m))).toList();
        if (data.stream().anyMatch(v -> v != null)) {
          series.add(Views.map("name", periodLabel(p), "data", data));
        }
      }
      if (!series.isEmpty()) {
        charts.add(chart(container, "Total cash cost per " + r.company().costWord(m) + " of " + m.displayName().toLowerCase(Locale.ROOT)
            + " by unit", "$/" + r.company().costAbbreviation(m).replace(".", ""), names, series, r.company().costDecimals(m)));
      }
    }
    return charts;
  }

  /** Bar charts of production by unit, one per metal, with a series per period of the main comparison. */
  static List<Map<String, Object>> productionCharts(Release r, String container) {
    List<Map<String, Object>> charts = new ArrayList<>();
    List<Period> periods = r.columns().toDate().isEmpty() ? r.columns().quarter() : r.columns().toDate();
    for (Metal m : r.company().metals()) {
      List<OperatingUnit> units = new ArrayList<>();
      for (OperatingUnit u : r.company().units()) {
        if (periods.stream().anyMatch(p -> r.facts().has(new FactKey(Concepts.unit(u.id()), Concepts.PRODUCED, m.name(), p)))) {
          units.add(u);
        }
      }
      if (units.isEmpty()) {
        continue;
      }
      List<Map<String, Object>> series = new ArrayList<>();
      for (Period p : periods) {
        series.add(Views.map("name", periodLabel(p), "data", units.stream().map(u -> value(r.facts(),
            new FactKey(Concepts.unit(u.id()), Concepts.PRODUCED, m.name(), p), 0)).toList()));
      }
      charts.add(chart(container, m.displayName() + " produced by unit", m.precious() ? "oz" : "tons",
          units.stream().map(OperatingUnit::name).toList(), series, 0));
    }
    return charts;
  }

  /**
   * Bar charts of contained metal by property, one per metal, a series per reserve category, for the
   * latest period the reserves are given for.
   */
  static List<Map<String, Object>> reserveCharts(Release r, Dataset data, String container) {
    Map<Entity, String> names = new LinkedHashMap<>();
    for (Property p : data.properties()) {
      names.put(Concepts.property(p.id()), p.name());
    }
    Period latest = null;
    for (Fact f : r.facts().all()) {
      if (f.key().concept().equals(Concepts.CONTAINED) && f.key().entity().is(Entity.Kind.PROPERTY)
          && (latest == null || f.key().period().compareTo(latest) > 0)) {
        latest = f.key().period();
      }
    }
    List<Map<String, Object>> charts = new ArrayList<>();
    if (latest == null) {
      return charts;
    }
    for (Metal m : Metal.values()) {
      Set<Entity> entities = new LinkedHashSet<>();
      Set<String> categories = new LinkedHashSet<>();
      for (Fact f : r.facts().all()) {
        FactKey k = f.key();
        if (k.concept().equals(Concepts.CONTAINED) && k.entity().is(Entity.Kind.PROPERTY) && k.period().equals(latest)
            && k.qualifier().endsWith(":" + m.name())) {
          entities.add(k.entity());
          categories.add(k.qualifier().substring(0, k.qualifier().length() - m.name().length() - 1));
        }
      }
      if (entities.isEmpty()) {
        continue;
      }
      // S-K 1300: the combined categories repeat their parts; the chart shows the parts
      if (categories.contains(ReserveCategory.PROVEN.code()) || categories.contains(ReserveCategory.PROBABLE.code())) {
        categories.remove(ReserveCategory.PROVEN_PROBABLE.code());
      }
      categories.remove(ReserveCategory.MEASURED_INDICATED.code());
      List<Entity> ents = List.copyOf(entities);
      List<Map<String, Object>> series = new ArrayList<>();
      for (String cat : categories) {
        Period p = latest;
        series.add(Views.map("name", ReserveCategory.ofCode(cat).map(ReserveCategory::title).orElse(words(cat)),
            "data", ents.stream().map(e -> value(r.facts(), new FactKey(e, Concepts.CONTAINED, cat + ":" + m.name(), p), 0))
                .toList()));
      }
      charts.add(chart(container, "Contained " + m.displayName().toLowerCase(Locale.ROOT) + " by property, "
          + periodLabel(latest), m.precious() ? "oz" : "tons",
          ents.stream().map(e -> names.getOrDefault(e, words(e.id()))).toList(), series, 0));
    }
    return charts;
  }

  private static Map<String, Object> chart(String container, String title, String unit, List<String> categories,
      List<Map<String, Object>> series, int decimals) {
    return Views.map("container", container, "title", title, "unit", unit, "categories", categories, "series", series,
        "decimals", decimals);
  }

  private static BigDecimal value(FactSet facts, FactKey key, int decimals) {
    return facts.find(key).map(f -> f.value().setScale(decimals, RoundingMode.HALF_UP)).orElse(null);
  }

  // ---------------------------------------------------------------- parts of the release

  /**
   * The release cut down to the rows about the entities {@code about} accepts: a table keeps its
   * headers, the figure rows about them, and the headings, label rows, rules and blank lines that
   * belong to those rows; tables without such rows, and text, are left out.
   */
  static Release rowsAbout(Release r, Predicate<Entity> about) {
    List<Section> sections = new ArrayList<>();
    for (Section s : r.sections()) {
      List<Section.Block> blocks = new ArrayList<>();
      Section.Block before = null;
      for (Section.Block b : s.blocks()) {
        if (b instanceof Section.TableBlock tb) {
          List<Row> rows = rowsAbout(tb.table().rows(), about);
          if (!rows.isEmpty()) {
            // a one-line text just above the table is its caption ("Proven and Probable")
            if (before instanceof Section.TextBlock tx) {
              List<String> lines = tx.lines().stream().filter(l -> !l.isBlank()).toList();
              if (lines.size() == 1) {
                blocks.add(new Section.TextBlock(List.of(cleanLabel(lines.get(0)))));
              }
            }
            Table t = tb.table();
            blocks.add(new Section.TableBlock(new Table(t.id(), t.titleLines(), t.groups(), t.headers(), t.labelHeader(),
                rows, t.labelWidth(), t.cellWidth(), t.boxed())));
          }
        }
        before = b;
      }
      if (!blocks.isEmpty()) {
        sections.add(new Section(s.id(), s.title(), blocks));
      }
    }
    return new Release(r.company(), r.columns(), r.facts(), sections);
  }

  /** The release's sections that have a table with a figure about an entity {@code about} accepts, whole. */
  static Release sectionsAbout(Release r, Predicate<Entity> about) {
    List<Section> sections = new ArrayList<>();
    for (Section s : r.sections()) {
      boolean has = false;
      for (Section.Block b : s.blocks()) {
        if (b instanceof Section.TableBlock tb) {
          for (Row row : tb.table().rows()) {
            has |= entityOf(row) != null && about.test(entityOf(row));
          }
        }
      }
      if (has) {
        sections.add(s);
      }
    }
    return new Release(r.company(), r.columns(), r.facts(), sections);
  }

  /** The entity of a row: that of its first cell with a figure key, or null for a row without one. */
  private static Entity entityOf(Row row) {
    if (row instanceof Row.Values v) {
      for (Cell c : v.cells()) {
        if (c.key().isPresent()) {
          return c.key().get().entity();
        }
      }
    }
    return null;
  }

  static List<Row> rowsAbout(List<Row> rows, Predicate<Entity> about) {
    int n = rows.size();
    Entity[] entity = new Entity[n];
    for (int i = 0; i < n; i++) {
      entity[i] = entityOf(rows.get(i));
    }
    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      if (entity[i] != null) {
        keep[i] = about.test(entity[i]);
      } else if (row instanceof Row.Heading || row instanceof Row.Values) {
        Entity next = next(entity, i);
        keep[i] = next != null && about.test(next);
      } else if (row instanceof Row.Rule) {
        Entity prev = previous(entity, i);
        keep[i] = prev != null && about.test(prev);
      }
    }
    for (int i = 0; i < n; i++) {
      if (rows.get(i) instanceof Row.Blank) {
        int p = i - 1;
        int q = i + 1;
        while (q < n && rows.get(q) instanceof Row.Blank) {
          q++;
        }
        keep[i] = p >= 0 && keep[p] && q < n && keep[q];
      }
    }
    List<Row> out = new ArrayList<>();
    boolean anyFigures = false;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        out.add(rows.get(i));
        anyFigures |= entity[i] != null;
      }
    }
    return anyFigures ? out : List.of();
  }

  private static Entity next(Entity[] entity, int i) {
    for (int j = i + 1; j < entity.length; j++) {
      if (entity[j] != null) {
        return entity[j];
      }
    }
    return null;
  }

  private static Entity previous(Entity[] entity, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (entity[j] != null) {
        return entity[j];
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- waterfall

  /** One step of a walk: its row label and exact value in the table's scale and printed sign. */
  private record Step(String label, BigDecimal value) {}

  /** The walk of one entity (null: the sum over the units) and column, exact; rounded to the table's decimals only when shown. */
  private record Walk(Entity entity, Period period, int scale, int decimals, Step start, List<Step> steps, Step end) {}

  /**
   * The walk from total cash costs to GAAP cost of sales for every unit or metal group and column the
   * release's tables print it for: the table's own rows between the two, with the printed sign (a
   * deduction printed in parentheses is a negative step), in the table's scale. With {@code total},
   * the sum over the units comes first, for each column (main period first).
   */
  static List<Map<String, Object>> waterfalls(Release r, Predicate<Entity> about, boolean total) {
    List<Walk> walks = walks(r, about);
    List<Map<String, Object>> out = new ArrayList<>();
    if (total) {
      List<Period> periods = new ArrayList<>(r.columns().all());
      periods.remove(mainPeriod(r));
      periods.add(0, mainPeriod(r));
      for (Period p : periods) {
        List<Walk> units = walks.stream().filter(w -> w.period.equals(p) && w.entity.is(Entity.Kind.UNIT)).toList();
        if (units.size() >= 2) {
          out.add(view(r, sum(units), "All units (sum) \u2014 " + periodLabel(p)));
        }
      }
    }
    for (Walk w : walks) {
      out.add(view(r, w, entityLabel(r.company(), w.entity) + " \u2014 " + periodLabel(w.period)));
    }
    return out;
  }

  private static Map<String, Object> view(Release r, Walk w, String label) {
    return Views.map("id", (w.entity == null ? "units" : w.entity.toString()) + "@" + w.period.code(),
        "entity", w.entity == null ? "units" : w.entity.toString(), "label", label,
        "unit", w.scale == 3 ? "$000" : w.scale == 6 ? "$ million" : "$",
        "start", Views.map("label", w.start.label, "value", round(w.start.value, w.decimals)),
        "steps", w.steps.stream().map(s -> Views.map("label", s.label, "value", round(s.value, w.decimals))).toList(),
        "end", Views.map("label", w.end.label, "value", round(w.end.value, w.decimals)));
  }

  /** The units' walks added up exactly, step by step (a step one unit lacks is zero for it). */
  private static Walk sum(List<Walk> walks) {
    List<String> order = new ArrayList<>();
    Map<String, BigDecimal> steps = new LinkedHashMap<>();
    BigDecimal start = BigDecimal.ZERO;
    BigDecimal end = BigDecimal.ZERO;
    for (Walk w : walks) {
      start = start.add(w.start.value);
      end = end.add(w.end.value);
      int at = 0;
      for (Step s : w.steps) {
        int i = order.indexOf(s.label);
        if (i < 0) {
          order.add(at, s.label);
          i = at;
        }
        at = i + 1;
        steps.merge(s.label, s.value, BigDecimal::add);
      }
    }
    Walk first = walks.get(0);
    return new Walk(null, first.period, first.scale, first.decimals, new Step(first.start.label, start),
        order.stream().map(l -> new Step(l, steps.get(l))).toList(), new Step(first.end.label, end));
  }

  private static List<Walk> walks(Release r, Predicate<Entity> about) {
    List<Walk> out = new ArrayList<>();
    for (Table t : r.tables()) {
      List<Row> rows = t.rows();
      for (int i = 0; i < rows.size(); i++) {
        if (!(rows.get(i) instanceof Row.Values end) || !concept(end).equals(Concepts.COST_OF_SALES)) {
          continue;
        }
        Entity e = entityOf(end);
        if (e == null || !e.kind().hasId() || e.is(Entity.Kind.STATEMENT) || !about.test(e)) {
          continue;
        }
        List<Row.Values> steps = new ArrayList<>();
        Row.Values start = null;
        for (int j = i - 1; j >= 0; j--) {
          if (!(rows.get(j) instanceof Row.Values v) || entityOf(v) == null) {
            continue;
          }
          if (!e.equals(entityOf(v))) {
            break;
          }
          if (concept(v).equals(Concepts.TOTAL_CASH)) {
            start = v;
            break;
          }
          steps.add(0, v);
        }
        if (start == null) {
          continue;
        }
        for (int col = 0; col < end.cells().size() && col < start.cells().size(); col++) {
          Cell endCell = end.cells().get(col);
          Optional<BigDecimal> from = Formats.value(start.cells().get(col), r.facts());
          Optional<BigDecimal> to = Formats.value(endCell, r.facts());
          if (from.isEmpty() || to.isEmpty() || endCell.key().isEmpty()) {
            continue;
          }
          List<Step> stepList = new ArrayList<>();
          for (Row.Values s : steps) {
            if (col < s.cells().size()) {
              stepList.add(new Step(cleanLabel(s.label()), Formats.value(s.cells().get(col), r.facts()).orElse(BigDecimal.ZERO)));
            }
          }
          out.add(new Walk(e, endCell.key().get().period(), endCell.scale(), endCell.decimals(),
              new Step(cleanLabel(start.label()), from.get()), stepList, new Step(cleanLabel(end.label()), to.get())));
        }
      }
    }
    return out;
  }

  private static BigDecimal round(BigDecimal v, int decimals) {
    return v.setScale(decimals, RoundingMode.HALF_UP);
  }

  private static String concept(Row.Values v) {
    for (Cell c : v.cells()) {
      if (c.key().isPresent()) {
        return c.key().get().concept();
      }
    }
    return "";
  }

  // ---------------------------------------------------------------- words

  /** A row label without its footnote marks: "Total cash costs (1)" gives "Total cash costs". */
  static String cleanLabel(String label) {
    return label.replaceAll("(\\s*\\(\\d+\\))+\\s*:?$", "").strip();
  }

  /** An entity in words: a unit's name, "Combined silver properties", a property's id in words. */
  static String entityLabel(Company c, Entity entity) {
    String id = entity.id();
    return switch (entity.kind()) {
      case UNIT -> c.unit(id).map(OperatingUnit::name).orElse(words(id));
      case GROUP -> "Combined " + Metal.ofCode(id).map(m -> m.displayName().toLowerCase(Locale.ROOT)).orElse(id)
          + " properties";
      case SEGMENT -> c.segment(id).map(s -> s.name()).orElse(words(id));
      case COMPANY -> c.name();
      default -> words(entity.toString());
    };
  }

  /** "Q4 2003", "FY2003". */
  static String periodLabel(Period p) {
    return p.code();
  }

  static String words(String code) {
    String s = code.replace('_', ' ').replace('-', ' ').replace(':', ' ').strip();
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A value as printed: divided by 10^scale, rounded, grouped, negatives in parentheses. */
  static String print(BigDecimal v, int decimals, int scale) {
    return Formats.number(v.movePointLeft(scale), decimals);
  }

  /** The year-on-year change in percent, signed, one decimal; empty when the prior value is zero. */
  /**
   * The change against a year earlier as the catalogue states it ({@code chg.percent}, or its relation
   * evaluated on the two figures); none from a prior figure that is not positive, where a percent
   * change means nothing ("n/m").
   */
  static String change(Release r, Fact current, Fact prior) {
    if (prior.value().signum() <= 0) {
      return "";
    }
    org.orebook.relations.Relation rel = org.orebook.relations.Changes.percentChange(current.key(), prior.key());
    Optional<BigDecimal> pct = r.facts().find(rel.result()).map(Fact::value)
        .or(() -> rel.compute(k -> r.facts().find(k).map(Fact::value)));
    if (pct.isEmpty()) {
      return "";
    }
    BigDecimal v = pct.get().setScale(1, RoundingMode.HALF_UP);
    return (v.signum() > 0 ? "+" : v.signum() < 0 ? "\u2212" : "") + v.abs().toPlainString() + "%";
  }

  private static String changeClass(BigDecimal current, BigDecimal prior) {
    int c = current.compareTo(prior);
    return c > 0 ? "up" : c < 0 ? "down" : "";
  }
}
