package org.orebook.check;

import static org.orebook.relations.Concepts.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.orebook.model.ReserveCategory;
import org.orebook.quantity.Period;

/**
 * Reserve and resource tables: by category (the title names it: S-K 1300 "Proven Mineral Reserves",
 * "Measured and Indicated Mineral Resources"; Guide 7 "Proven and Probable", "Mineralized Material"),
 * a row per property, tons, grade and contained metal columns; the summary across properties, the
 * reconciliation of reserves (opening, depleted, added, revised, closing) and the estimation
 * parameters (cut-off, recovery, price).
 */
final class ReserveTables {
  private final PublishedFigures figures;
  private final Entities entities;
  private final Optional<Period> latestYear;

  ReserveTables(PublishedFigures figures, Entities entities, Optional<Period> latestYear) {
    this.figures = figures;
    this.entities = entities;
    this.latestYear = latestYear;
  }

  // ------------------------------------------------------------------ reserves

  void reserves(Table t) {
    String n = (t.name() + " " + String.join(" ", t.titleLines())).toLowerCase(Locale.ROOT);
    ReserveCategory cat = categoryOf(n);
    Optional<Period> p = latestYear;
    if (p.isEmpty()) {
      figures.unmapped(t.figures());
      figures.notes.add(t.name() + ": no year for the reserve table (no column names a period)");
      return;
    }
    List<Optional<Mapping>> cols = new ArrayList<>();
    for (Column c : t.columns()) {
      cols.add(reserveColumn(c, cat));
    }
    for (TableRow.Values v : t.valueRows()) {
      String label = v.label().replaceAll("\\(\\d{1,2}\\)", " ").replaceAll("\\s+", " ").trim();
      boolean total = label.toLowerCase(Locale.ROOT).matches("total.*");
      Entity entity = total ? Entity.RESERVES : property(entities.propertyOf(label));
      for (Figure f : v.figures()) {
        Optional<Mapping> mp = f.column() < cols.size() ? cols.get(f.column()) : Optional.empty();
        if (mp.isEmpty() || (total && !mp.get().concept().equals(CONTAINED))) {
          figures.unmapped(f);
          continue;
        }
        Mapping m = mp.get();
        figures.put(new FactKey(entity, m.concept(), m.metal(), p.get()), f, m.measure(), figures.exponent(t, m.measure()), false);
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
  void reserveSummary(Table t) {
    Optional<Period> p = latestYear;
    for (TableRow.Values v : t.valueRows()) {
      ReserveCategory cat = categoryOf(v.label());
      for (Figure f : v.figures()) {
        Optional<Mapping> mp = p.isEmpty() || f.column() >= t.columns().size() ? Optional.empty()
            : reserveColumn(t.columns().get(f.column()), cat).filter(m -> m.concept().equals(CONTAINED));
        if (mp.isEmpty()) {
          figures.unmapped(f);
          continue;
        }
        figures.put(new FactKey(Entity.RESERVES, CONTAINED, mp.get().metal(), p.get()), f,
            mp.get().measure(), figures.exponent(t, mp.get().measure()), false);
      }
    }
  }

  /** A reserve reconciliation: "Atacama - Gold (ounces)" rows; opening, depleted, added, revised, closing columns. */
  void reserveChanges(Table t) {
    Optional<Period> p = latestYear;
    for (TableRow.Values v : t.valueRows()) {
      String label = v.label();
      int dash = label.lastIndexOf(" - ");
      Optional<Metal> metal = dash < 0 ? Optional.empty() : ConceptDictionary.metalIn(label.substring(dash + 3));
      if (p.isEmpty() || metal.isEmpty()) {
        figures.unmapped(v.figures());
        continue;
      }
      String who = label.substring(0, dash).trim();
      Entity entity = who.toLowerCase(Locale.ROOT).matches("total.*") ? Entity.RESERVES
          : property(entities.propertyOf(who));
      Measure measure = ConceptDictionary.quantityMeasure(metal.get(), ConceptDictionary.unitHint(label));
      for (Figure f : v.figures()) {
        String h = f.column() < t.columns().size() ? t.columns().get(f.column()).title().toLowerCase(Locale.ROOT) : "";
        String concept = h.contains("opening") || h.contains("beginning") ? RES_OPENING
            : h.contains("deplet") || h.contains("mined") ? RES_DEPLETED
            : h.contains("add") || h.contains("discover") ? RES_ADDED
            : h.contains("revis") ? RES_REVISED
            : h.contains("closing") || h.contains("end") ? RES_CLOSING : null;
        if (concept == null) {
          figures.unmapped(f);
          continue;
        }
        boolean negate = concept.equals(RES_DEPLETED) && f.value().signum() < 0;
        figures.put(new FactKey(entity, concept, metal.get().name(), p.get()), f, measure, figures.exponent(t, measure), negate);
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
  void reserveParameters(Table t) {
    Optional<Period> p = latestYear;
    for (TableRow.Values v : t.valueRows()) {
      Matcher mt = PARAMETER_ROW.matcher(v.label().replaceAll("\\s+", " ").trim());
      boolean all = mt.matches() && mt.group(3).equalsIgnoreCase("all metals");
      Optional<Metal> metal = !mt.matches() || all ? Optional.empty() : ConceptDictionary.metalIn(mt.group(3));
      if (p.isEmpty() || !mt.matches() || (!all && metal.isEmpty()) || entities.properties.get(Entities.slug(Entities.unitName(mt.group(1).trim()))) == null) {
        figures.unmapped(v.figures());
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
      Entity entity = property(entities.propertyOf(mt.group(1).trim()));
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
          figures.unmapped(f);
          continue;
        }
        figures.put(new FactKey(entity, concept, q, p.get()), f, measure.get(), 0, false);
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

}
