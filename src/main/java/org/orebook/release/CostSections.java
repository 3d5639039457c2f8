package org.orebook.release;

import static org.orebook.relations.Concepts.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.orebook.data.Dataset;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.quantity.PeriodSet;
import org.orebook.quantity.Period;

/**
 * The cost sections beyond the Gold Institute's: all-in sustaining costs and all-in costs (World
 * Gold Council guidance, 2018) built up from GAAP cost of sales per unit and per metal, the GAAP
 * lines their other items are drawn from, and co-product costs beside the by-product figures. Each
 * appears only when the dataset gives its inputs; nothing here knows any particular company.
 */
final class CostSections {
  private static final int CELL = 11;

  /** Label of each all-in item, in the order the guidance lists them. */
  private static final List<String[]> OPERATING_LABELS = List.of(
      new String[] {HEDGE_COSTS, "Realised hedge losses (gains) on operating costs"},
      new String[] {COMMUNITY_CURRENT, "Community costs related to current operations"},
      new String[] {PERMITTING_CURRENT, "Permitting costs related to current operations"},
      new String[] {SITE_SHARE_BASED, "Site share-based pay"},
      new String[] {INVENTORY_WRITEDOWNS, "Stockpile and inventory write-downs"},
      new String[] {OPERATIONAL_STRIPPING, "Operational stripping costs"});
  private static final List<String[]> SUSTAINING_LABELS = List.of(
      new String[] {CORPORATE_GA, "Corporate general and administrative"},
      new String[] {RECLAMATION_ACCRETION, "Reclamation accretion and amortisation"},
      new String[] {SUSTAINING_EXPLORATION, "Sustaining exploration and study costs"},
      new String[] {SUSTAINING_CAPITAL_EXPLORATION, "Sustaining capital exploration"},
      new String[] {SUSTAINING_STRIPPING, "Sustaining capitalised stripping and development"},
      new String[] {SUSTAINING_CAPITAL, "Sustaining capital expenditure"},
      new String[] {SUSTAINING_LEASES, "Sustaining leases"});
  private static final List<String[]> AIC_LABELS = List.of(
      new String[] {COMMUNITY_OTHER, "Community costs not related to current operations"},
      new String[] {PERMITTING_OTHER, "Permitting costs not related to current operations"},
      new String[] {RECLAMATION_OTHER_SITES, "Reclamation costs not related to current operations"},
      new String[] {NONSUSTAINING_EXPLORATION, "Non-sustaining exploration and study costs"},
      new String[] {NONSUSTAINING_CAPITAL_EXPLORATION, "Non-sustaining capital exploration"},
      new String[] {NONSUSTAINING_STRIPPING, "Non-sustaining capitalised stripping and development"},
      new String[] {NONSUSTAINING_CAPITAL, "Non-sustaining capital expenditure"},
      new String[] {NONSUSTAINING_LEASES, "Non-sustaining leases"});

  static final String AISC_TITLE = "All-in Sustaining Costs and All-in Costs";
  static final String GAAP_TITLE = "All-in Cost Items and the GAAP Lines They Are Drawn From";
  static final String COPRODUCT_TITLE = "Co-product Costs";

  private final Dataset data;
  private final Company company;
  private final FactSet facts;
  private final List<Period> all;

  private CostSections(Dataset data, FactSet facts, PeriodSet columns) {
    this.data = data;
    this.company = data.company();
    this.facts = facts;
    this.all = columns.flows();
  }

  static List<Section> build(Dataset data, FactSet facts, PeriodSet columns) {
    CostSections c = new CostSections(data, facts, columns);
    List<Section> out = new ArrayList<>();
    c.allInCosts().ifPresent(out::add);
    c.coProduct().ifPresent(out::add);
    return out;
  }

  private List<Cell> cells(Entity entity, String concept, String qualifier, int decimals, int scale) {
    return all.stream().map(p -> Cell.of(new FactKey(entity, concept, qualifier, p), decimals, scale)).toList();
  }

  private static List<Cell> dollar(List<Cell> cells) {
    return cells.stream().map(Cell::withDollar).toList();
  }

  private static List<Cell> negated(List<Cell> cells) {
    return cells.stream().map(Cell::negated).toList();
  }

  private boolean any(List<Cell> cells) {
    return cells.stream().anyMatch(c -> c.key().isPresent() && facts.has(c.key().get()));
  }

  private List<String> title(String... lines) {
    List<String> t = new ArrayList<>();
    t.add(company.name().toUpperCase(Locale.ROOT));
    t.addAll(List.of(lines));
    return t;
  }

  // ---------------------------------------------------------------- all-in costs

  private Optional<Section> allInCosts() {
    List<Row> rows = new ArrayList<>();
    for (OperatingUnit u : company.units()) {
      if (u.shownInTables() && u.primaryMetal().isPresent()) {
        allInBlock(rows, ReleaseLayout.unitHeading(company, u), unit(u.id()), u.primaryMetal().get());
      }
    }
    for (Metal m : company.metals()) {
      allInBlock(rows, "TOTAL " + m.displayName().toUpperCase(Locale.ROOT) + " OPERATIONS (including corporate)",
          group(m.name()), m);
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Metal> metals = company.units().stream().filter(u -> u.primaryMetal().isPresent()
        && any(cells(unit(u.id()), AISC_PER_OZ, "", 0, 0))).map(u -> u.primaryMetal().get()).distinct().toList();
    String per = CostWords.perAny(company, metals);
    String scale = per.equals("ounce") ? "(dollars in thousands, except per ounce; ounces sold in ounces - unaudited)"
        : "(dollars in thousands, except per " + per + "; quantities sold as stated - unaudited)";
    Table t = new Table("all_in_costs", title(AISC_TITLE + " (non-GAAP)", "Reconciled to Cost of Sales (GAAP)",
        scale), ReleaseLayout.groups(all, false),
        ReleaseLayout.dateHeaders(all, false), "", rows, 56, CELL, false);
    List<Section.Block> blocks = new ArrayList<>();
    blocks.add(new Section.TableBlock(t));
    gaapLines().ifPresent(g -> blocks.add(new Section.TableBlock(g)));
    blocks.add(new Section.TextBlock(List.of("",
        "All-in sustaining costs and all-in costs are non-GAAP measures defined by the",
        "World Gold Council's guidance note (2013, updated November 2018), per " + per + " sold.",
        "Adjusted operating costs start from cost of sales (GAAP): reclamation and other",
        "costs move to reclamation accretion, treatment and refining costs netted from",
        "sales under GAAP are added back, and by-product credits are deducted.")));
    return Optional.of(new Section("all_in_costs", AISC_TITLE, blocks));
  }

  private void allInBlock(List<Row> rows, String heading, Entity e, Metal m) {
    if (!any(cells(e, AISC, "", 0, 3))) {
      return;
    }
    if (!rows.isEmpty()) {
      rows.add(new Row.Blank());
    }
    rows.add(new Row.Heading(heading));
    rows.add(new Row.Values("Cost of sales and other direct production costs (GAAP)", 0,
        dollar(cells(e, COST_OF_SALES, "", 0, 3))));
    optional(rows, "Reclamation and other costs", negated(cells(e, RECLAMATION_OTHER, "", 0, 3)));
    optional(rows, "Treatment, refining and transport costs", cells(e, TREATMENT_FREIGHT, "", 0, 3));
    OPERATING_LABELS.forEach(l -> optional(rows, l[1], cells(e, l[0], "", 0, 3)));
    optional(rows, "By-product credits", negated(cells(e, BYPRODUCT_CREDITS, "", 0, 3)));
    rows.add(new Row.Rule('-'));
    rows.add(new Row.Values("Adjusted operating costs", 0, cells(e, ADJUSTED_OPERATING, "", 0, 3)));
    SUSTAINING_LABELS.forEach(l -> optional(rows, l[1], cells(e, l[0], "", 0, 3)));
    rows.add(new Row.Rule('-'));
    rows.add(new Row.Values("All-in sustaining costs", 0, dollar(cells(e, AISC, "", 0, 3))));
    AIC_LABELS.forEach(l -> optional(rows, l[1], cells(e, l[0], "", 0, 3)));
    rows.add(new Row.Rule('-'));
    rows.add(new Row.Values("All-in costs", 0, dollar(cells(e, AIC, "", 0, 3))));
    rows.add(new Row.Rule('='));
    List<Cell> sold = cells(e, SOLD, m.name(), 0, 0);
    if (any(sold)) {
      String word = UnitWords.plural(UnitWords.of(sold, facts).orElse(m.quantityUnit()));
      rows.add(new Row.Values(m.displayName() + " " + word + " sold", 0, sold));
      int d = company.costDecimals(m);
      String per = company.costWord(m);
      rows.add(new Row.Values("All-in sustaining costs per " + per + " sold", 0, dollar(cells(e, AISC_PER_OZ, "", d, 0))));
      rows.add(new Row.Values("AISC before by-product credits per " + per + " sold", 0,
          dollar(cells(e, AISC_GROSS_PER_OZ, "", d, 0))));
      rows.add(new Row.Values("All-in costs per " + per + " sold", 0, dollar(cells(e, AIC_PER_OZ, "", d, 0))));
    }
  }

  private void optional(List<Row> rows, String label, List<Cell> cells) {
    if (any(cells)) {
      rows.add(new Row.Values(label, 3, cells));
    }
  }

  /** One block per GAAP line the all-in items are drawn from: as reported, in AISC, in AIC only, in neither. */
  private Optional<Table> gaapLines() {
    Set<String> lines = new LinkedHashSet<>();
    for (Fact f : facts.all()) {
      if (f.key().entity().equals(GAAP) && f.key().concept().equals(GAAP_AMOUNT) && all.contains(f.key().period())) {
        lines.add(f.key().qualifier());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String line : lines.stream().sorted().toList()) {
      if (!rows.isEmpty()) {
        rows.add(new Row.Blank());
      }
      rows.add(new Row.Heading(gaapHeading(line)));
      rows.add(new Row.Values("As reported (GAAP)", 0, dollar(cells(GAAP, GAAP_AMOUNT, line, 0, 3))));
      rows.add(new Row.Values("In all-in sustaining costs", 3, cells(GAAP, IN_AISC, line, 0, 3)));
      rows.add(new Row.Values("In all-in costs only", 3, cells(GAAP, IN_AIC_ONLY, line, 0, 3)));
      rows.add(new Row.Values("In neither measure", 3, cells(GAAP, NOT_IN_AIC, line, 0, 3)));
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Table("all_in_gaap_lines", title(GAAP_TITLE, "(dollars in thousands - unaudited)"),
        ReleaseLayout.groups(all, false), ReleaseLayout.dateHeaders(all, false), "", rows, 56, CELL, false));
  }

  /** "operations:ga" → "GENERAL AND ADMINISTRATIVE (Statements of Operations)". */
  private String gaapHeading(String line) {
    String ref = line.startsWith("-") ? line.substring(1) : line;
    int colon = ref.indexOf(':');
    String statement = ref.substring(0, colon);
    String id = ref.substring(colon + 1);
    String label = data.statementLines().stream().filter(l -> l.statement().equals(statement) && l.id().equals(id))
        .map(l -> l.label()).findFirst().orElse(id);
    String where = switch (statement) {
      case "operations" -> "Statements of Operations";
      case "cash_flows" -> "Statements of Cash Flows";
      case "balance_sheet" -> "Balance Sheets";
      default -> statement.replace('_', ' ');
    };
    return label.toUpperCase(Locale.ROOT) + " (" + where + (line.startsWith("-") ? ", sign reversed" : "") + ")";
  }

  // ---------------------------------------------------------------- co-product costs

  private Optional<Section> coProduct() {
    List<Row> rows = new ArrayList<>();
    for (OperatingUnit u : company.units()) {
      Entity e = unit(u.id());
      if (!u.shownInTables() || u.primaryMetal().isEmpty() || !any(cells(e, GROSS_CASH, "", 0, 3))) {
        continue;
      }
      if (!rows.isEmpty()) {
        rows.add(new Row.Blank());
      }
      Metal primary = u.primaryMetal().get();
      rows.add(new Row.Heading(ReleaseLayout.unitHeading(company, u)));
      rows.add(new Row.Values("Total cash costs before by-product credits", 0, dollar(cells(e, GROSS_CASH, "", 0, 3))));
      boolean deck = company.coproductPrices().isPresent();
      for (Metal m : u.metals()) {
        rows.add(new Row.Heading(m.displayName() + ":"));
        rows.add(new Row.Values(deck ? "Value at " + company.coproductPrices().get() + " prices" : "Revenue", 3,
            cells(e, COPRODUCT_VALUE, m.name(), 0, 3)));
        rows.add(new Row.Values(deck ? "Share of value (%)" : "Share of revenue (%)", 3,
            cells(e, COPRODUCT_SHARE, m.name(), 1, 0)));
        rows.add(new Row.Values("Co-product cash costs", 3, cells(e, COPRODUCT_COST, m.name(), 0, 3)));
        rows.add(new Row.Values("Co-product cash cost per " + (m.precious() ? "ounce" : "pound"), 3,
            dollar(cells(e, COPRODUCT_COST_PER_UNIT, m.name(), 2, 0))));
        List<Cell> aisc = cells(e, COPRODUCT_AISC, m.name(), 0, 3);
        if (any(aisc)) {
          boolean perSold = m.precious() && any(cells(e, SOLD, m.name(), 0, 0));
          rows.add(new Row.Values("Co-product all-in sustaining costs", 3, aisc));
          if (perSold) {
            // the ounces the per-ounce figure divides by, so a reader (and the checker) can redo it
            rows.add(new Row.Values("Ounces sold", 3, cells(e, SOLD, m.name(), 0, 0)));
          }
          rows.add(new Row.Values("Co-product all-in sustaining cost per " + (m.precious() ? "ounce" : "pound")
              + (perSold ? " sold" : ""), 3, dollar(cells(e, COPRODUCT_AISC_PER_UNIT, m.name(), 2, 0))));
        }
      }
      boolean payable = CostWords.payable(facts, company, e, primary);
      rows.add(new Row.Values("By-product total cash cost per " + CostWords.per(company, primary, payable) + " of "
          + primary.displayName().toLowerCase(Locale.ROOT), 0, dollar(cells(e, TOTAL_CASH_PER_OZ, "", company.costDecimals(primary), 0))));
      List<Cell> byAisc = cells(e, AISC_PER_OZ, "", company.costDecimals(primary), 0);
      if (any(byAisc)) {
        rows.add(new Row.Values("By-product AISC per " + company.costWord(primary) + " of " + primary.displayName().toLowerCase(Locale.ROOT)
            + " sold", 0, dollar(byAisc)));
      }
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Table t = new Table("coproduct", title(COPRODUCT_TITLE + " (non-GAAP)",
        "(dollars in thousands, except per ounce and per pound - unaudited)"), ReleaseLayout.groups(all, false),
        ReleaseLayout.dateHeaders(all, false), "", rows, 56, CELL, false);
    String basis = company.coproductPrices().map(b -> "its production valued at " + b + " prices")
        .orElse("its revenue");
    return Optional.of(new Section("coproduct", COPRODUCT_TITLE, List.of(new Section.TableBlock(t),
        new Section.TextBlock(List.of("",
            "Co-product cash costs allocate total cash costs before by-product credits",
            "(and co-product all-in sustaining costs, AISC before by-product credits)",
            "among a unit's metals by each metal's share of " + basis + ",",
            "beside the by-product costs per ounce of the primary metal, which deduct the",
            "other metals' revenue as credits. Co-product AISC is per ounce sold where",
            "ounces sold are given, else per ounce or pound produced.")))));
  }
}
