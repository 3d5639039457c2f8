package org.orebook.release;

import static org.orebook.relations.Concepts.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.orebook.data.Dataset;
import org.orebook.data.ReserveRow;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.Metal;
import org.orebook.model.Property;
import org.orebook.model.ReserveCategory;
import org.orebook.quantity.Period;

/**
 * The reserve disclosure of a period under SEC Regulation S-K subpart 1300: a table per category
 * (proven, probable, proven and probable reserves; measured, indicated, measured and indicated,
 * inferred resources, exclusive of reserves) with tons, grade and contained metal per property, the
 * estimation parameters (cut-off, metallurgical recovery, price), a summary across properties and the
 * reconciliation of proven and probable reserves from the prior year end.
 */
final class ReserveSections {
  static final String TITLE = "MINERAL RESERVES AND RESOURCES";
  static final String SUMMARY = "Summary of Mineral Reserves and Resources (attributable contained metal)";
  static final String PARAMETERS = "Estimation Parameters of Mineral Reserves and Resources";
  static final String RECONCILIATION = "Reconciliation of Proven and Probable Mineral Reserves (contained metal)";

  /** The category tables of the release layout, shared with Guide 7. */
  interface CategoryTables {
    List<Section.Block> blocks(ReserveCategory cat, List<Property> props, String title, Period p);
  }

  private final Dataset data;
  private final FactSet facts;
  private final Period p;

  private ReserveSections(Dataset data, FactSet facts, Period p) {
    this.data = data;
    this.facts = facts;
    this.p = p;
  }

  static Section sk1300(Dataset data, FactSet facts, Period p, CategoryTables tables, List<ReserveRow> rows) {
    ReserveSections r = new ReserveSections(data, facts, p);
    List<Section.Block> blocks = new ArrayList<>();
    blocks.add(new Section.TextBlock(List.of(TextRenderer.center(TITLE, 72),
        TextRenderer.center("As of " + p.end().getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US)
            + " " + p.end().getDayOfMonth() + ", " + p.end().getYear() + " (SEC Regulation S-K subpart 1300)", 72), "")));
    for (ReserveCategory cat : ReserveCategory.SK_TABLES) {
      List<Property> props = rows.stream().filter(x -> x.category() == cat).map(ReserveRow::propertyId)
          .map(id -> data.properties().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow()).toList();
      if (!props.isEmpty()) {
        blocks.addAll(tables.blocks(cat, props, title(cat), p));
      }
    }
    r.summary().ifPresent(t -> {
      blocks.add(new Section.TextBlock(List.of(SUMMARY)));
      blocks.add(new Section.TableBlock(t));
    });
    r.parameters().ifPresent(t -> {
      blocks.add(new Section.TextBlock(List.of("", PARAMETERS)));
      blocks.add(new Section.TableBlock(t));
    });
    r.reconciliation().ifPresent(t -> {
      blocks.add(new Section.TextBlock(List.of("", RECONCILIATION.replace(" (", ", " + p.year() + " ("))));
      blocks.add(new Section.TableBlock(t));
    });
    List<String> notes = new ArrayList<>(List.of(""));
    notes.addAll(TextRenderer.wrap("Tons and contained metal are " + data.company().shortName() + "'s attributable share."
        + " Mineral resources are reported exclusive of mineral reserves; mineral resources that are not mineral"
        + " reserves do not have demonstrated economic viability. Inferred mineral resources have a great amount of"
        + " uncertainty as to their existence and as to their economic and legal feasibility.", 72));
    blocks.add(new Section.TextBlock(notes));
    return new Section("reserves", TITLE, blocks);
  }

  static String title(ReserveCategory cat) {
    return cat == ReserveCategory.PROVEN_PROBABLE ? "Proven and Probable Mineral Reserves"
        : cat.resource() ? cat.title() + " (exclusive of reserves)" : cat.title();
  }

  private Optional<FactKey> find(Entity entity, String concept, String qualifier) {
    FactKey k = new FactKey(entity, concept, qualifier, p);
    return facts.has(k) ? Optional.of(k) : Optional.empty();
  }

  private static String label(Property prop) {
    return prop.name() + (prop.partlyOwned() ? " (" + Formats.plain(prop.ownershipPct()) + "%)" : "");
  }

  /** Contained metal across properties: a row per category, a column per metal. */
  private Optional<Table> summary() {
    Set<Metal> metals = new LinkedHashSet<>();
    for (ReserveCategory cat : ReserveCategory.SK_TABLES) {
      for (Metal m : Metal.values()) {
        find(reserves(), CONTAINED, cat.code() + ":" + m.name()).ifPresent(k -> metals.add(m));
      }
    }
    if (metals.isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows = new ArrayList<>();
    for (ReserveCategory cat : ReserveCategory.SK_TABLES) {
      List<Cell> cells = metals.stream()
          .map(m -> Cell.of(new FactKey(reserves(), CONTAINED, cat.code() + ":" + m.name(), p), 0, 0).emptyAs("-")).toList();
      if (cells.stream().anyMatch(c -> facts.has(c.key().orElseThrow()))) {
        rows.add(new Row.Values(title(cat).replace(" (exclusive of reserves)", ""), 0, cells));
      }
    }
    List<List<String>> headers = metals.stream()
        .map(m -> List.of(m.displayName(), "(" + UnitWords.plural(unitOf(reserves(), m).orElse(m.quantityUnit())) + ")"))
        .toList();
    return Optional.of(new Table("reserves-summary", List.of(), List.of(), headers, "Category", rows, 40, 12, true));
  }

  private Optional<org.orebook.quantity.Unit> unitOf(Entity entity, Metal m) {
    return facts.all().stream().filter(f -> f.key().entity().equals(entity) && f.key().concept().equals(CONTAINED)
        && f.key().qualifier().endsWith(":" + m.name()) && f.key().period().equals(p)).map(Fact::unit).findFirst();
  }

  /** Cut-off, recovery and price per property, reserves or resources, and metal. */
  private Optional<Table> parameters() {
    List<Row> rows = new ArrayList<>();
    for (Property prop : data.properties()) {
      Entity e = property(prop.id());
      for (String group : List.of("reserves", "resources")) {
        List<String> metals = new ArrayList<>();
        metals.add("");
        for (Metal m : Metal.values()) {
          metals.add(m.name());
        }
        for (String m : metals) {
          String q = group + ":" + m;
          Optional<FactKey> cut = find(e, CUT_OFF, q);
          Optional<FactKey> rec = find(e, RECOVERY, q);
          Optional<FactKey> price = find(e, PRICE_ASSUMPTION, q);
          if (cut.isEmpty() && rec.isEmpty() && price.isEmpty()) {
            continue;
          }
          String metalWord = m.isEmpty() ? "all metals" : Metal.valueOf(m).displayName().toLowerCase(Locale.ROOT);
          List<String> units = new ArrayList<>();
          cut.ifPresent(k -> units.add("cut-off " + facts.find(k).orElseThrow().unit().code()));
          price.ifPresent(k -> units.add(facts.find(k).orElseThrow().unit().code()));
          List<Cell> cells = new ArrayList<>();
          // a gold cut-off in oz/ton to three decimals (0.30 g/t is 0.009 oz/ton); a parameter that does not apply
          // (no cut-off of its own, no recovery of a resource) is blank, not "-", which reads as zero
          cells.add(cut.map(k -> Cell.of(k, facts.find(k).orElseThrow().unit() == org.orebook.quantity.Unit.OUNCES_PER_TON
              ? 3 : 2, 0)).orElse(Cell.literal("")));
          cells.add(rec.map(k -> Cell.of(k, 0, 0)).orElse(Cell.literal("")));
          cells.add(price.map(k -> Cell.of(k, 2, 0)).orElse(Cell.literal("")));
          rows.add(new Row.Values(prop.name() + " " + group + " - " + metalWord
              + (units.isEmpty() ? "" : " (" + String.join(", ", units) + ")"), 0, cells));
        }
      }
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<List<String>> headers = List.of(List.of("Cut-off"), List.of("Recovery (%)"), List.of("Price"));
    return Optional.of(new Table("reserves-parameters", List.of(), List.of(), headers, "", rows, 52, 13, true));
  }

  /** Opening, depleted, added, revised, closing contained metal per property and metal, then the totals. */
  private Optional<Table> reconciliation() {
    List<Row> rows = new ArrayList<>();
    for (Metal m : Metal.values()) {
      if (find(reserves(), RES_CLOSING, m.name()).isEmpty() && find(reserves(), RES_REVISED, m.name()).isEmpty()) {
        continue;
      }
      String unitWord = UnitWords.plural(facts.find(new FactKey(reserves(), RES_CLOSING, m.name(), p))
          .or(() -> facts.find(new FactKey(reserves(), RES_REVISED, m.name(), p))).map(Fact::unit)
          .orElse(m.quantityUnit()));
      for (Property prop : data.properties()) {
        Entity e = property(prop.id());
        if (find(e, RES_REVISED, m.name()).isPresent() || find(e, RES_DEPLETED, m.name()).isPresent()) {
          rows.add(new Row.Values(label(prop) + " - " + m.displayName() + " (" + unitWord + ")", 0, cells(e, m)));
        }
      }
      rows.add(new Row.Values("Total - " + m.displayName() + " (" + unitWord + ")", 0, cells(reserves(), m)));
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<List<String>> headers = List.of(List.of("Opening"), List.of("Depleted"), List.of("Added"), List.of("Revised"),
        List.of("Closing"));
    return Optional.of(new Table("reserves-reconciliation", List.of(), List.of(), headers, "", rows, 36, 12, true));
  }

  private List<Cell> cells(Entity entity, Metal m) {
    return List.of(
        // an opening no prior estimate or input gives is not known: "n/a", never a dash that reads as nil
        Cell.of(new FactKey(entity, RES_OPENING, m.name(), p), 0, 0).emptyAs("n/a"),
        Cell.of(new FactKey(entity, RES_DEPLETED, m.name(), p), 0, 0).negated().emptyAs("-"),
        Cell.of(new FactKey(entity, RES_ADDED, m.name(), p), 0, 0).emptyAs("-"),
        Cell.of(new FactKey(entity, RES_REVISED, m.name(), p), 0, 0).emptyAs("-"),
        Cell.of(new FactKey(entity, RES_CLOSING, m.name(), p), 0, 0).emptyAs("-"));
  }
}
