package org.orebook.check;

import static org.orebook.relations.Concepts.*;

import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orebook.edgar.Table;
import org.orebook.edgar.TableRow;
import org.orebook.facts.Entity;
import org.orebook.model.Metal;

/**
 * The company and operating tables: highlights (company figures, segment sales and gross profit,
 * production by metal, metal prices), production data and reconciliations (a block per unit or metal
 * group under its heading), all-in sustaining costs and co-product costs. Rows are read with the
 * dictionary's unit, company, all-in and co-product entries.
 */
final class OperatingTables {
  private final ConceptDictionary dict;
  private final PublishedFigures figures;
  private final Entities entities;
  /** How many times a highlights or all-in section heading was read (once per block, not per row; counted by tests). */
  int sectionsRead;

  OperatingTables(ConceptDictionary dict, PublishedFigures figures, Entities entities) {
    this.dict = dict;
    this.figures = figures;
    this.entities = entities;
  }

  /** The metal a table names most in its title and labels: a row without its own metal has it. */
  static Optional<Metal> tableMetal(Table t) {
    return tableMetal(t, null);
  }

  /**
   * The metal a table names most, among the precious metals ({@code precious} true: a figure per
   * ounce) or the base metals (false: per pound or tonne), or among all ({@code null}).
   */
  static Optional<Metal> tableMetal(Table t, Boolean precious) {
    Map<Metal, Integer> votes = new HashMap<>();
    ConceptDictionary.metalIn(t.name()).ifPresent(m -> votes.merge(m, 3, Integer::sum));
    for (TableRow.Values v : t.valueRows()) {
      ConceptDictionary.metalIn(v.label()).ifPresent(m -> votes.merge(m, 1, Integer::sum));
    }
    return votes.entrySet().stream().filter(e -> precious == null || e.getKey().precious() == precious)
        .max(Map.Entry.<Metal, Integer>comparingByValue().thenComparing(e -> -e.getKey().ordinal()))
        .map(Map.Entry::getKey);
  }

  private ConceptDictionary.Context context(TableRow.Values v, Optional<Metal> metal) {
    return new ConceptDictionary.Context(v.subheading(), metal, false);
  }

  // ------------------------------------------------------------------ highlights and other company tables

  /**
   * What a block of a highlights table holds, by its section heading: sales or gross profit by segment,
   * metal prices, production and unit figures, or other company figures.
   */
  enum HighlightsBlock {
    SALES, GROSS_PROFIT, PRICES, PRODUCTION, OTHER;

    static HighlightsBlock of(String section) {
      String s = section.toLowerCase(Locale.ROOT);
      if (s.matches(".*(sales|revenue).*") && !s.contains("production")) {
        return SALES;
      } else if (s.matches(".*gross (profit|margin).*")) {
        return GROSS_PROFIT;
      } else if (s.matches(".*price.*")) {
        return PRICES;
      } else if (s.matches(".*(production|operating).*")) {
        return PRODUCTION;
      }
      return OTHER;
    }
  }

  void highlights(Table t) {
    Optional<Metal> tm = tableMetal(t);
    // the rows of a block share their section heading: it is read once per block, not once per row
    // (a long heading over many rows would otherwise cost their product)
    String section = null;
    HighlightsBlock block = HighlightsBlock.OTHER;
    for (TableRow.Values v : t.valueRows()) {
      if (!v.section().equals(section)) {
        section = v.section();
        block = HighlightsBlock.of(section);
        sectionsRead++;
      }
      String l = ConceptDictionary.normalize(v.label());
      Optional<Mapping> company = dict.lookup(ConceptDictionary.Scope.COMPANY, v.label(), ConceptDictionary.Context.NONE);
      if (block == HighlightsBlock.SALES) {
        if (l.startsWith("total") || l.isEmpty()) {
          figures.putRow(t, v, COMPANY, Mapping.of(SALES, Measure.MONEY));
        } else {
          figures.putRow(t, v, entities.segmentOf(v.label()), Mapping.of(SALES, Measure.MONEY));
        }
      } else if (block == HighlightsBlock.GROSS_PROFIT) {
        if (l.startsWith("total") || l.isEmpty()) {
          figures.putRow(t, v, COMPANY, Mapping.of(GROSS_PROFIT, Measure.MONEY));
        } else {
          figures.putRow(t, v, entities.segmentOf(v.label()), Mapping.of(GROSS_PROFIT, Measure.MONEY));
        }
      } else if (block == HighlightsBlock.PRICES) {
        price(t, v);
      } else if (block == HighlightsBlock.PRODUCTION || !v.subheading().isEmpty()) {
        Optional<Mapping> mp = dict.lookup(ConceptDictionary.Scope.UNIT, v.label(), context(v, Optional.empty()));
        Optional<Metal> own = ConceptDictionary.metalIn(l);
        if (mp.isEmpty() && own.isPresent() && l.equals(own.get().displayName().toLowerCase(Locale.ROOT))) {
          mp = Optional.of(Mapping.of(PRODUCED, own.get().name(),
              ConceptDictionary.quantityMeasure(own.get(), ConceptDictionary.unitHint(v.label()))));
        }
        Optional<Metal> subMetal = ConceptDictionary.metalIn(v.subheading());
        if (mp.isPresent() && mp.get().concept().matches(".*_per_(oz|lb)") && subMetal.isPresent()) {
          figures.putRow(t, v, group(subMetal.get().name()), mp.get());
        } else if (mp.isPresent() && (mp.get().concept().equals(PRODUCED) || mp.get().concept().equals(SOLD))) {
          entities.metal(Metal.valueOf(mp.get().metal()));
          figures.putRow(t, v, COMPANY, mp.get());
        } else if (company.isPresent()) {
          figures.putRow(t, v, COMPANY, company.get());
        } else if (mp.isPresent() && !mp.get().metal().isEmpty()) {
          figures.putRow(t, v, group(mp.get().metal()), mp.get());
        } else {
          figures.unmapped(v.figures());
        }
      } else if (company.isPresent()) {
        figures.putRow(t, v, COMPANY, company.get());
      } else {
        // a highlights row of production or unit costs: the company's (produced, sold) or the metal's
        Optional<Mapping> mp = dict.lookup(ConceptDictionary.Scope.UNIT, v.label(), context(v, tm));
        if (mp.isPresent() && (mp.get().concept().equals(PRODUCED) || mp.get().concept().equals(SOLD))) {
          entities.metal(Metal.valueOf(mp.get().metal()));
          figures.putRow(t, v, COMPANY, mp.get());
        } else if (mp.isPresent() && mp.get().concept().matches(".*_per_oz(_sold)?|.*_per_lb|realized_price|grade|recovery")) {
          boolean perPound = mp.get().measure() == Measure.PER_POUND || mp.get().measure() == Measure.CENTS_PER_POUND;
          Optional<Metal> metal = mp.get().metal().isEmpty() ? tableMetal(t, !perPound).or(() -> tm)
              : Optional.of(Metal.valueOf(mp.get().metal()));
          if (metal.isEmpty()) {
            figures.unmapped(v.figures());
          } else {
            figures.putRow(t, v, group(metal.get().name()), mp.get());
          }
        } else if (mp.isPresent() && mp.get().concept().matches("ore_milled|ore_mined|waste_mined|material_mined|strip_ratio|"
            + "capital_additions|sustaining_capital|nonsustaining_capital|days")) {
          figures.putRow(t, v, COMPANY, mp.get());
        } else {
          figures.unmapped(v.figures());
        }
      }
    }
  }

  private void price(Table t, TableRow.Values v) {
    String label = v.label().replaceAll("\\(\\d{1,2}\\)", " ");
    Optional<Metal> m = ConceptDictionary.metalIn(label);
    if (m.isEmpty()) {
      figures.unmapped(v.figures());
      return;
    }
    String hint = ConceptDictionary.unitHint(label);
    String basis = org.orebook.edgar.Brackets.replace(label, '(', ')', " ").replaceAll("(?i)^\\s*" + m.get().displayName() + "\\s*-?\\s*", "")
        .replaceAll("\\s+", " ").trim();
    Measure measure = hint.contains("cents") || hint.contains("lb") || hint.contains("pound") ? Measure.CENTS_PER_POUND
        : Measure.PER_OUNCE;
    figures.putRow(t, v, Entity.MARKET, Mapping.of(PRICE, m.get().name() + ":" + basis, measure));
  }

  // ------------------------------------------------------------------ production data and reconciliation

  /**
   * Production data or a reconciliation: blocks under unit or group headings. A table without block
   * headings is one unit's (the mine its title names, else the company's operations).
   */
  void operating(Table t) {
    Optional<Metal> tm = tableMetal(t);
    if (entitiesAsRows(t, tm)) {
      return;
    }
    Entity implicit = null;
    if (t.valueRows().stream().allMatch(v -> v.section().isBlank())) {
      String name = Entities.unitName(t.name().replaceAll("(?i)\\b(operating|production|results|data|statistics|summary|"
          + "highlights|key|quarterly|annual)\\b", " ").replaceAll("\\s+", " ").trim());
      implicit = entities.entityOf(name.isEmpty() || name.length() > 40 ? "Operations" : name);
    }
    for (TableRow.Values v : t.valueRows()) {
      Entity entity = implicit != null ? implicit : entities.entityOf(v.section());
      Optional<Mapping> mp = dict.lookup(ConceptDictionary.Scope.UNIT, v.label(), context(v, tm));
      if (entity == null || mp.isEmpty()) {
        figures.unmapped(v.figures());
        continue;
      }
      Mapping m = mp.get();
      if (entity.is(Entity.Kind.UNIT)) {
        Entities.UnitInfo u = entities.unit(entity);
        if (m.concept().equals(PRODUCED)) {
          u.produced.add(Metal.valueOf(m.metal()));
        }
        Optional<Metal> costMetal = m.concept().endsWith("_per_oz") ? ConceptDictionary.metalIn(v.subheading() + " " + v.label())
            : m.concept().equals(COST_OUNCES) || m.concept().equals(COST_BASIS) ? ConceptDictionary.metalIn(v.label())
            : Optional.empty();
        if (costMetal.isEmpty() && implicit != null && (m.concept().endsWith("_per_oz") || m.concept().equals(COST_OUNCES))) {
          costMetal = tm;
        }
        if (costMetal.isPresent() && u.primary == null) {
          u.primary = costMetal.get();
        }
      }
      figures.putRow(t, v, entity, m);
    }
  }

  /**
   * A table whose title names the figure ("Quarterly copper production (kt)", "Gold produced by mine")
   * and whose rows name the mines: each row is a unit's figure, a "Total" row the company's. True
   * when the table was read so.
   */
  private boolean entitiesAsRows(Table t, Optional<Metal> tm) {
    Optional<Mapping> title = dict.lookup(ConceptDictionary.Scope.UNIT, t.name().replaceAll("(?i)\\b(quarterly|annual|by mine|"
        + "by operation|by asset)\\b", " ").replaceAll("\\s+", " ").trim(), new ConceptDictionary.Context("", tm, false));
    if (title.isEmpty() || !title.get().concept().matches("produced|sold|ore_milled|ore_mined")) {
      return false;
    }
    List<TableRow.Values> rows = t.valueRows();
    long unknown = rows.stream().filter(v -> dict.lookup(ConceptDictionary.Scope.UNIT, v.label(),
        context(v, tm)).isEmpty()).count();
    if (rows.isEmpty() || unknown * 2 < rows.size()) {
      return false;
    }
    Mapping m = title.get();
    for (TableRow.Values v : rows) {
      String l = ConceptDictionary.normalize(v.label());
      Entity entity = l.matches("(total|consolidated|combined|company)\\b.*") || l.isEmpty() ? COMPANY
          : entities.entityOf(v.label());
      if (entity == null) {
        figures.unmapped(v.figures());
        continue;
      }
      if (entity.is(Entity.Kind.UNIT) && m.concept().equals(PRODUCED) && !m.metal().isEmpty()) {
        Entities.UnitInfo u = entities.unit(entity);
        u.produced.add(Metal.valueOf(m.metal()));
        if (u.primary == null) {
          u.primary = Metal.valueOf(m.metal());
        }
      }
      if (!m.metal().isEmpty()) {
        entities.metal(Metal.valueOf(m.metal()));
      }
      figures.putRow(t, v, entity, m);
    }
    return true;
  }

  /**
   * An all-in sustaining costs table: blocks per unit and per metal, and blocks tying the items to
   * the GAAP line they are drawn from (keyed by the block heading).
   */
  void allIn(Table t) {
    String section = null;
    String sectionSlug = "";
    for (TableRow.Values v : t.valueRows()) {
      Optional<Mapping> gaap = dict.lookup(ConceptDictionary.Scope.GAAP_LINE, v.label().replaceAll("(?i)\\(gaap\\)", " "),
          ConceptDictionary.Context.NONE);
      if (gaap.isPresent() && !v.section().isBlank()) {
        if (!v.section().equals(section)) {
          // once per block, not once per row, as in highlights
          section = v.section();
          sectionSlug = Entities.slug(section);
          sectionsRead++;
        }
        figures.putRow(t, v, GAAP, Mapping.of(gaap.get().concept(), sectionSlug, Measure.MONEY));
        continue;
      }
      Entity entity = entities.entityOf(v.section());
      Optional<Mapping> mp = dict.lookup(ConceptDictionary.Scope.ALL_IN, v.label(), ConceptDictionary.Context.NONE);
      if (entity == null || mp.isEmpty()) {
        figures.unmapped(v.figures());
        continue;
      }
      if (entity.is(Entity.Kind.UNIT) && mp.get().concept().equals(SOLD)) {
        Entities.UnitInfo u = entities.unit(entity);
        if (u.primary == null) {
          u.primary = Metal.valueOf(mp.get().metal());
        }
      }
      figures.putRow(t, v, entity, mp.get());
    }
  }

  /** A co-product cost table: a block per unit, a "Gold:" subheading per metal. */
  void coProduct(Table t) {
    for (TableRow.Values v : t.valueRows()) {
      Entity entity = entities.entityOf(v.section());
      Optional<Mapping> mp = dict.lookup(ConceptDictionary.Scope.COPRODUCT, v.label(), context(v, Optional.empty()));
      if (entity == null || mp.isEmpty()) {
        figures.unmapped(v.figures());
        continue;
      }
      if (entity.is(Entity.Kind.UNIT) && !mp.get().metal().isEmpty()) {
        entities.unit(entity).produced.add(Metal.valueOf(mp.get().metal()));
      }
      figures.putRow(t, v, entity, mp.get());
    }
  }
}
