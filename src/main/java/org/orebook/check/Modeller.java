package org.orebook.check;

import static org.orebook.relations.Expr.div;
import static org.orebook.relations.Expr.ref;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orebook.edgar.ReleaseText;
import org.orebook.edgar.Table;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.relations.Concepts;
import org.orebook.relations.Relation;

/**
 * Turns the tables the reader found into the engine's terms: which table is which
 * ({@link TableKinds}), which block of rows belongs to which unit, group or segment
 * ({@link Entities}), which concept each row is (the {@link ConceptDictionary}), the statement lines
 * with the subtotals their layout marks ({@link StatementReader}), and the reserve tables
 * ({@link ReserveTables}). The source format of the tables plays no part. Nothing here knows a
 * particular company.
 */
public final class Modeller {
  /** Company figures a second statement may print again (beyond the checker's own ties). */
  private static final java.util.Set<String> STATEMENT_TIES = java.util.Set.of(Concepts.PROFIT_FOR_THE_PERIOD,
      Concepts.EBITDA, Concepts.ADJUSTED_EBITDA, Concepts.ADJUSTED_NET_EARNINGS, Concepts.ADJUSTED_EPS, Concepts.FREE_CASH_FLOW);

  private final ReleaseText text;
  private final ConceptDictionary dict;
  private final PublishedFigures figures;
  private final Entities entities = new Entities();
  private final StatementReader statements;
  private final OperatingTables operating;
  private final ReserveTables reserves;
  private final FinanceTables finance;
  private final Map<Table, TableKinds.Kind> kinds = new LinkedHashMap<>();

  private Modeller(ReleaseText text, ConceptDictionary dict) {
    this.text = text;
    this.dict = dict;
    this.figures = new PublishedFigures(text.tables());
    this.statements = new StatementReader(dict, figures);
    this.operating = new OperatingTables(dict, figures, entities);
    this.reserves = new ReserveTables(figures, entities, text.latestYear());
    this.finance = new FinanceTables(figures, text.latestYear());
  }

  /** Models a release with the standard dictionary. */
  public static PublishedRelease model(ReleaseText text) {
    return model(text, ConceptDictionary.standard());
  }

  /** Models a release; never throws on odd tables (what cannot be keyed is counted as unmapped). */
  public static PublishedRelease model(ReleaseText text, ConceptDictionary dict) {
    Modeller m = new Modeller(text, dict.forOneRun());
    m.run();
    return m.result();
  }

  private void run() {
    TableKinds.Kind previous = null;
    for (Table t : text.tables()) {
      TableKinds.Kind k = TableKinds.classify(t, previous, dict);
      kinds.put(t, k);
      switch (k) {
        case RESERVES -> reserves.reserves(t);
        case OPERATIONS -> statements.read(t, "operations");
        case NON_GAAP -> statements.read(t, "non_gaap");
        case BALANCE_SHEET -> statements.read(t, "balance_sheet");
        case CASH_FLOWS -> statements.read(t, "cash_flows");
        case PRODUCTION, RECONCILIATION -> operating.operating(t);
        case ALL_IN -> operating.allIn(t);
        case COPRODUCT -> operating.coProduct(t);
        case RESERVE_SUMMARY -> reserves.reserveSummary(t);
        case RESERVE_CHANGES -> reserves.reserveChanges(t);
        case RESERVE_PARAMETERS -> reserves.reserveParameters(t);
        case HIGHLIGHTS -> operating.highlights(t);
        case OTHER -> statements.read(t, "table");
        case FINANCE -> finance.read(t);
      }
      previous = k;
    }
    finance.finish();
  }

  /**
   * A statement line carrying a concept the highlights print for the company or a metal (adjusted
   * EBITDA, cash costs per ounce sold): the same figure, so the two must agree. The ties the checker
   * already makes ({@code ExtraRelations}) are left to it.
   */
  private List<Relation> conceptTies() {
    Map<String, List<FactKey>> byConceptPeriod = new HashMap<>();
    for (FactKey k : figures.readings.keySet()) {
      if ((k.entity().equals(org.orebook.relations.Concepts.COMPANY) || k.entity().is(Entity.Kind.GROUP))
          && k.printing() == 0) {
        byConceptPeriod.computeIfAbsent(k.concept() + "|" + k.period().code(), x -> new ArrayList<>()).add(k);
      }
    }
    Map<String, List<FactKey>> byLine = new HashMap<>();
    for (FactKey k : figures.readings.keySet()) {
      if (k.qualifier().isEmpty()) {
        byLine.computeIfAbsent(k.entity() + "/" + k.concept(), x -> new ArrayList<>()).add(k);
      }
    }
    List<Relation> out = new ArrayList<>();
    // a company figure that two statements print (profit for the period in the income statement and
    // at the top of the EBITDA reconciliation)
    Map<String, FactKey> firstPrinted = new HashMap<>();
    for (var e : statements.statementConcepts.entrySet()) {
      if (!STATEMENT_TIES.contains(e.getValue())) {
        continue;
      }
      String st = e.getKey().substring(0, e.getKey().indexOf('/'));
      String id = e.getKey().substring(e.getKey().indexOf('/') + 1);
      for (FactKey k : byLine.getOrDefault(st + "/" + id, List.of())) {
        FactKey first = firstPrinted.putIfAbsent(e.getValue() + "|" + k.period().code(), k);
        if (first != null && !first.entity().equals(Entity.statement(st))) {
          Reading r = figures.readings.get(k);
          out.add(new Relation("tie.concept", e.getValue().replace('_', ' ') + ": the same figure in every table (\""
              + r.figure().label() + "\" line " + r.figure().line() + ")", k, r.unit(),
              org.orebook.relations.Expr.sum(List.of(org.orebook.relations.Expr.plus(ref(first))))));
        }
      }
    }
    for (var e : statements.statementConcepts.entrySet()) {
      String st = e.getKey().substring(0, e.getKey().indexOf('/'));
      String id = e.getKey().substring(e.getKey().indexOf('/') + 1);
      String concept = e.getValue();
      if (tiedByChecker(st, concept)) {
        continue;
      }
      for (FactKey k : byLine.getOrDefault(st + "/" + id, List.of())) {
        List<FactKey> others = byConceptPeriod.getOrDefault(concept + "|" + k.period().code(), List.of());
        // the company's figure; a metal's only for a per-unit figure of a release of one metal business
        List<FactKey> company = others.stream().filter(x -> x.entity().equals(org.orebook.relations.Concepts.COMPANY)).toList();
        boolean perUnit = Rx.matches(concept, ".*_per_(oz|oz_sold|lb)");
        if (company.isEmpty() && perUnit && others.size() == 1) {
          company = others;
        }
        others = company;
        if (others.size() == 1) {
          Reading r = figures.readings.get(k);
          out.add(new Relation("tie.concept", concept.replace('_', ' ') + ": the same figure in every table (\""
              + r.figure().label() + "\" line " + r.figure().line() + ")", k, r.unit(),
              org.orebook.relations.Expr.sum(List.of(org.orebook.relations.Expr.plus(ref(others.get(0)))))));
        }
      }
    }
    return out;
  }

  private static boolean tiedByChecker(String statement, String concept) {
    String base = Rx.replaceAll(statement, "_\\d+$", "");
    for (ExtraRelations.SameFigure same : ExtraRelations.SAME_FIGURE) {
      boolean inStatement = same.where().contains(ExtraRelations.Printed.in(base, concept));
      boolean inCompany = same.where().contains(ExtraRelations.Printed.company(concept));
      if (inStatement && inCompany) {
        return true;
      }
    }
    return false;
  }

  private PublishedRelease result() {
    Map<String, Integer> currencies = new HashMap<>();
    for (Table t : text.tables()) {
      t.unit().map(u -> u.currency()).filter(c -> !c.isEmpty()).ifPresent(c -> currencies.merge(c, 1, Integer::sum));
    }
    String currency = currencies.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("USD");
    var read = entities.company(text.companyName(), text.latestYear(), currency);
    // a release that prints its base metals' unit costs per tonne of metal costs them so (company.csv base_metal_costs)
    boolean perTonne = figures.facts.all().stream().anyMatch(f -> (f.unit() == org.orebook.quantity.Unit.USD_PER_TONNE
        || f.unit() == org.orebook.quantity.Unit.USD_PER_METAL_TONNE)
        && f.key().concept().matches(".*_per_(oz|lb)(_sold)?") && !f.key().concept().startsWith("coproduct"));
    var company = !perTonne ? read : new org.orebook.model.Company(read.name(), read.shortName(), read.currency(),
        read.releasePeriod(), read.metals(), read.segments(), read.units(), read.coproductPrices(), read.reserveStandard(),
        read.reportingUnits(), read.reserveStandardByYear(), read.gradeDecimals(), true);
    if (text.tables().stream().noneMatch(t -> t.unit().isPresent()) && figures.defaultMoneyExponent() == 0) {
      figures.notes.add("no table names its unit (e.g. \"dollars in thousands\"): money is read as printed");
    }
    if (currencies.size() > 1) {
      figures.notes.add("tables in more than one currency (" + String.join(", ", currencies.keySet())
          + "): figures are checked within their tables and across tables as printed; no currency is converted");
    }
    List<Relation> layout = new ArrayList<>();
    for (StatementReader.LayoutRelation r : statements.perUnit) {
      if (figures.readings.containsKey(r.result()) && figures.readings.containsKey(r.numerator())
          && figures.readings.containsKey(r.denominator())) {
        layout.add(new Relation("layout.per_unit", r.description(), r.result(), r.measure().unit,
            div(ref(r.numerator()), ref(r.denominator()))));
      }
    }
    layout.addAll(conceptTies());
    Map<String, String> kindNames = new LinkedHashMap<>();
    kinds.forEach((t, k) -> kindNames.put(t.name() + "@" + t.firstLine(), k.name().toLowerCase(java.util.Locale.ROOT)));
    return new PublishedRelease(text, company, statements.lines, List.copyOf(entities.properties.values()), figures.facts,
        figures.readings, figures.aliases, statements.statementConcepts, figures.unmapped, figures.notes, layout,
        figures.keyOf, kindNames);
  }
}
