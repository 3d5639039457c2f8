package org.orebook.check;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.orebook.edgar.Table;
import org.orebook.edgar.TableRow;

/**
 * Which table is which: by its title first ({@code Consolidated Statements of Operations},
 * {@code Production Data}, {@code Reconciliation of Adjusted EBITDA}), then, when the title says
 * nothing (a table introduced by a sentence, a title Orebook does not know), by what its rows say:
 * total assets make a balance sheet, operating and investing activities a cash flow statement,
 * revenue with net income a statement of operations, adjusted EBITDA a non-GAAP reconciliation,
 * unit headings or production rows operating data. A table none of these fits is read as a
 * statement of its own ({@link Kind#OTHER}): its lines keyed, its subtotals tested.
 */
final class TableKinds {
  enum Kind { HIGHLIGHTS, OPERATIONS, NON_GAAP, BALANCE_SHEET, CASH_FLOWS, PRODUCTION, RECONCILIATION, RESERVES, ALL_IN,
    COPRODUCT, RESERVE_SUMMARY, RESERVE_CHANGES, RESERVE_PARAMETERS, FINANCE, OTHER }

  private static final Pattern OPERATIONS_TITLE = Pattern.compile(
      ".*(statements? of (consolidated |condensed consolidated |interim )?(operations|income|earnings|loss|"
          + "comprehensive (income|loss|earnings))|income statements?|statements? of (net )?(income|earnings)).*");
  private static final Pattern NON_GAAP_TITLE = Pattern.compile(
      ".*\\b(ebitda|adjusted net (earnings|income)|adjusted earnings|free cash flow|non-gaap|non-ifrs)\\b.*");
  private static final Pattern UNIT_HEADING = Pattern.compile(".*\\b(UNIT|MINE|MINES|PROJECT|OPERATIONS?|COMPLEX)\\b.*");

  private TableKinds() {}

  static Kind classify(Table t, Kind previous, ConceptDictionary dict) {
    String n = (t.name() + " " + String.join(" ", t.titleLines()) + " " + t.stub()).toLowerCase(Locale.ROOT);
    boolean periods = t.columns().stream().anyMatch(c -> c.period().isPresent());
    boolean gradeColumns = t.columns().stream().map(c -> c.title().toLowerCase(Locale.ROOT))
        .anyMatch(c -> c.contains("oz/ton") || c.contains("g/t") || c.contains("(ounces)") || c.equals("tons")
            || c.equals("tonnes") || c.contains("grade"));
    if (Rx.matches(n, ".*summary of (mineral )?reserves( and resources)?.*")) {
      return Kind.RESERVE_SUMMARY;
    }
    if (Rx.matches(n, ".*reconciliation of (proven and probable )?(mineral )?(ore )?reserves.*")) {
      return Kind.RESERVE_CHANGES;
    }
    if (n.contains("estimation parameters")) {
      return Kind.RESERVE_PARAMETERS;
    }
    if (!periods && (gradeColumns || Rx.matches(n, ".*(reserve|resource|mineralized|proven|probable|measured|indicated|inferred).*"))) {
      return Kind.RESERVES;
    }
    if (t.continues() && t.name().endsWith(", note") && previous != null
        && List.of(Kind.OPERATIONS, Kind.BALANCE_SHEET, Kind.CASH_FLOWS).contains(previous)) {
      String c = t.context().toLowerCase(Locale.ROOT);
      return c.contains("non-gaap") || c.contains("non-u.s. gaap") || c.contains("reconcil") ? Kind.NON_GAAP : Kind.OTHER;
    }
    if (Rx.matches(n, ".*\\b(project economics|hedge book|hedged positions|guidance|guided production|exchange offer)\\b.*")) {
      // a project's, a hedge book's, guidance's or an offer's figures are not the company's results
      return Kind.FINANCE;
    }
    if (n.contains("balance sheet") || n.contains("financial position")) {
      return Kind.BALANCE_SHEET;
    }
    if (n.contains("cash flow") && !NON_GAAP_TITLE.matcher(n).matches()) {
      return Kind.CASH_FLOWS;
    }
    if (OPERATIONS_TITLE.matcher(n).matches()) {
      return Kind.OPERATIONS;
    }
    boolean blocks = unitBlocks(t);
    if (Rx.matches(n, ".*\\ball-in (sustaining )?costs?\\b.*|.*\\ball-in cost items\\b.*|.*\\baisc\\b.*")) {
      return blocks ? Kind.ALL_IN : Kind.OTHER;
    }
    if (n.contains("co-product")) {
      return Kind.COPRODUCT;
    }
    if (NON_GAAP_TITLE.matcher(n).matches()) {
      return Kind.NON_GAAP;
    }
    if (n.contains("reconciliation")) {
      return blocks ? Kind.RECONCILIATION : byContent(t, dict, Kind.OTHER);
    }
    if (Rx.matches(n, ".*(highlights|summary|selected|key (financial|figures)).*") && !blocks) {
      return Kind.HIGHLIGHTS;
    }
    if (Rx.matches(n, ".*(production|operating data|operating statistics|operating results|mine statistics|key operating).*")) {
      return blocks || productionRows(t, dict) >= 2 || titleNamesAFigure(t, dict) ? Kind.PRODUCTION : Kind.HIGHLIGHTS;
    }
    if (Rx.matches(n, ".*(highlights|summary|selected|key (financial|figures)).*")) {
      return Kind.HIGHLIGHTS;
    }
    if (blocks) {
      return Kind.PRODUCTION;
    }
    return byContent(t, dict, Kind.OTHER);
  }

  /** What the rows say when the title says nothing. */
  static Kind byContent(Table t, ConceptDictionary dict, Kind otherwise) {
    int assets = 0;
    int activities = 0;
    int revenue = 0;
    int netIncome = 0;
    int costOrProfit = 0;
    int nonGaap = 0;
    int company = 0;
    boolean firstIsNetIncome = false;
    boolean first = true;
    for (TableRow r : t.rows()) {
      String label = switch (r) {
        case TableRow.Values v -> v.label();
        case TableRow.Heading h -> h.text();
        default -> "";
      };
      String l = ConceptDictionary.normalize(label);
      if (l.isEmpty()) {
        continue;
      }
      if (Rx.matches(l, "total assets|total liabilities( and (shareholders'|stockholders'|shareholders|stockholders) equity| and equity)?"
          + "|total current (assets|liabilities)")) {
        assets++;
      }
      if (Rx.matches(l, ".*\\b(operating|investing|financing) activities\\b.*")) {
        activities++;
      }
      if (Rx.matches(l, "(total )?(net )?(sales|revenues?)( from .*)?|sales of products|metal (sales|revenues?)")) {
        revenue++;
      }
      if (Rx.matches(l, "net (income|earnings|loss).*|profit( \\(loss\\))?( for the (period|year|quarter))?|loss for the (period|year)")) {
        netIncome++;
        firstIsNetIncome |= first && r instanceof TableRow.Values;
      }
      if (r instanceof TableRow.Values) {
        first = false;
      }
      if (Rx.matches(l, "(costs? of sales|gross (profit|margin)|(income|profit) before (income )?tax(es|ation)?|(operating|mine operating) "
          + "(income|earnings|profit)|(income|loss|earnings) from operations).*")) {
        costOrProfit++;
      }
      if (Rx.matches(l, "(adjusted )?ebitda|adjusted net (earnings|income).*|free cash flow")) {
        nonGaap++;
      }
      if (r instanceof TableRow.Values v && dict.lookup(ConceptDictionary.Scope.COMPANY, v.label(),
          ConceptDictionary.Context.NONE).isPresent()) {
        company++;
      }
    }
    if (assets >= 1) {
      return Kind.BALANCE_SHEET;
    }
    if (activities >= 2) {
      return Kind.CASH_FLOWS;
    }
    int physical = physicalRows(t, dict);
    if (physical >= 2 && company >= 2) {
      return Kind.HIGHLIGHTS;
    }
    if (nonGaap >= 1 && firstIsNetIncome) {
      return Kind.NON_GAAP;
    }
    if (revenue >= 1 && netIncome >= 1 && costOrProfit >= 1) {
      return Kind.OPERATIONS;
    }
    if (physical >= 3) {
      return Kind.PRODUCTION;
    }
    if (company >= 2) {
      return Kind.HIGHLIGHTS;
    }
    return otherwise;
  }

  /** A title that names one operating figure ("Quarterly copper production (kt)"): its rows are mines. */
  static boolean titleNamesAFigure(Table t, ConceptDictionary dict) {
    String title = Rx.replaceAll(Rx.replaceAll(t.name(), "(?i)\\b(quarterly|annual|by mine|by operation|by asset)\\b", " "), "\\s+", " ").trim();
    return dict.lookup(ConceptDictionary.Scope.UNIT, title, ConceptDictionary.Context.NONE)
        .filter(m -> Rx.matches(m.concept(), "produced|sold|ore_milled|ore_mined")).isPresent();
  }

  /** True when the rows stand under headings naming units, mines or metal groups. */
  static boolean unitBlocks(Table t) {
    return t.rows().stream().anyMatch(r -> r instanceof TableRow.Heading h && !h.colon()
        && h.text().toUpperCase(Locale.ROOT).matches(UNIT_HEADING.pattern())
        && !Rx.matches(h.text().toLowerCase(Locale.ROOT), ".*\\b(activities|expenses|income)\\b.*"));
  }

  /** Rows of physical operating figures: tons mined and milled, grades, recoveries, metal produced and sold. */
  static int physicalRows(Table t, ConceptDictionary dict) {
    int n = 0;
    for (TableRow.Values v : t.valueRows()) {
      if (dict.lookup(ConceptDictionary.Scope.UNIT, v.label(), new ConceptDictionary.Context(v.subheading(),
          java.util.Optional.empty(), false)).filter(m -> Rx.matches(m.concept(), "ore_milled|ore_mined|waste_mined|material_mined|"
              + "strip_ratio|grade|recovery|produced|sold|days")).isPresent()) {
        n++;
      }
    }
    return n;
  }

  /** Rows that read as a unit's operating figures (production, grades, tons, costs per ounce). */
  static int productionRows(Table t, ConceptDictionary dict) {
    int n = 0;
    for (TableRow.Values v : t.valueRows()) {
      if (dict.lookup(ConceptDictionary.Scope.UNIT, v.label(), new ConceptDictionary.Context(v.subheading(),
          java.util.Optional.empty(), false)).filter(m -> !m.concept().equals("revenue")).isPresent()) {
        n++;
      }
    }
    return n;
  }
}
