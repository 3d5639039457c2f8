package org.orebook.check;

import static org.orebook.relations.Concepts.*;
import static org.orebook.relations.Expr.div;
import static org.orebook.relations.Expr.plus;
import static org.orebook.relations.Expr.ref;
import static org.orebook.relations.Expr.sum;
import static org.orebook.relations.Expr.times;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;
import org.orebook.relations.Expr;
import org.orebook.relations.Relation;

/**
 * Checks a published release needs beyond the catalogue, written with the catalogue's own
 * {@link Relation} and {@link Expr} types: a figure printed twice, ties of one figure across tables,
 * opening cash, per-ounce costs on the exact ounces of the production data, and a group's
 * per-ounce costs as the ounce-weighted mean of its units'. They follow from the catalogue's
 * relations (a total printed in two tables is one figure), but the catalogue computes each figure
 * once and so never states them.
 */
final class ExtraRelations {
  /** Where a figure is printed: a line of a statement (by its standard concept), or the company's figure. */
  record Printed(String statement, String concept) {
    static Printed company(String concept) {
      return new Printed("", concept);
    }

    static Printed in(String statement, String concept) {
      return new Printed(statement, concept);
    }

    boolean company() {
      return statement.isEmpty();
    }
  }

  /** One figure printed in several tables: its words and where. */
  record SameFigure(String words, List<Printed> where) {}

  /** Figures that are the same figure wherever printed. */
  static final List<SameFigure> SAME_FIGURE = List.of(
      new SameFigure("net income", List.of(Printed.in(StatementLine.OPERATIONS, NET_INCOME), Printed.company(NET_INCOME),
          Printed.in(StatementLine.NON_GAAP, NONGAAP_NET_INCOME), Printed.in(StatementLine.CASH_FLOWS, CF_NET_INCOME))),
      new SameFigure("sales", List.of(Printed.in(StatementLine.OPERATIONS, SALES), Printed.company(SALES))),
      new SameFigure("gross profit", List.of(Printed.in(StatementLine.OPERATIONS, GROSS_PROFIT), Printed.company(GROSS_PROFIT))),
      new SameFigure("income before environmental accruals", List.of(Printed.in(StatementLine.NON_GAAP, INCOME_BEFORE_ENV),
          Printed.company(INCOME_BEFORE_ENV))),
      new SameFigure("basic income (loss) per common share", List.of(Printed.in(StatementLine.OPERATIONS, EPS_BASIC),
          Printed.company(EPS_BASIC))),
      new SameFigure("cash provided by operating activities", List.of(Printed.in(StatementLine.CASH_FLOWS, CF_OPERATING),
          Printed.company(CF_OPERATING))));

  private static final String[][] COSTS = {
      {TOTAL_CASH, TOTAL_CASH_PER_OZ, "total cash costs"},
      {CASH_OPERATING, CASH_OPERATING_PER_OZ, "cash operating costs"},
      {TOTAL_PRODUCTION, TOTAL_PRODUCTION_PER_OZ, "total production costs"}};

  private ExtraRelations() {}

  static List<Relation> build(PublishedRelease pr) {
    List<Relation> out = new ArrayList<>();
    Map<FactKey, Reading> rd = pr.readings();
    for (var a : pr.aliases().entrySet()) {
      Reading r = rd.get(a.getKey());
      Reading first = rd.get(a.getValue());
      out.add(new Relation("tie.same_figure", "the same figure printed again (\"" + r.figure().label() + "\" line "
          + r.figure().line() + " = line " + first.figure().line() + ")", a.getKey(), r.unit(), sum(List.of(plus(ref(a.getValue()))))));
    }
    Set<Period> periods = new LinkedHashSet<>();
    rd.keySet().forEach(k -> periods.add(k.period()));
    for (Period p : periods) {
      for (SameFigure same : SAME_FIGURE) {
        List<FactKey> keys = new ArrayList<>();
        for (Printed where : same.where()) {
          keys.addAll(resolve(pr, where, p));
        }
        for (int i = 1; i < keys.size(); i++) {
          out.add(new Relation("tie.across_tables", same.words() + ": the same figure in every table", keys.get(i),
              rd.get(keys.get(i)).unit(), sum(List.of(plus(ref(keys.get(0)))))));
        }
      }
      perOunce(pr, p, out);
    }
    return out;
  }

  /** The keys a figure is printed under for a period: the company's, or each statement line carrying the concept. */
  static List<FactKey> resolve(PublishedRelease pr, Printed where, Period p) {
    List<FactKey> out = new ArrayList<>();
    if (where.company()) {
      FactKey k = FactKey.of(COMPANY, where.concept(), p);
      if (pr.readings().containsKey(k)) {
        out.add(k);
      }
      return out;
    }
    for (var e : pr.statementConcepts().entrySet()) {
      String s = e.getKey().substring(0, e.getKey().indexOf('/'));
      if ((s.equals(where.statement()) || s.startsWith(where.statement() + "_")) && e.getValue().equals(where.concept())) {
        FactKey k = FactKey.of(Entity.statement(s), e.getKey().substring(e.getKey().indexOf('/') + 1), p);
        if (pr.readings().containsKey(k)) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /**
   * A group's per-ounce costs as its units' per-ounce costs weighted by their ounces produced: a
   * consequence of the catalogue's sums and quotients that holds where the units' cost totals are not
   * printed (so the catalogue's own relations cannot be evaluated), only their per-ounce costs.
   */
  private static void perOunce(PublishedRelease pr, Period p, List<Relation> out) {
    Map<FactKey, Reading> rd = pr.readings();
    for (Metal m : Metal.values()) {
      List<OperatingUnit> members = pr.company().unitsWithPrimary(m);
      if (members.isEmpty() || !m.precious()) {
        continue;
      }
      Entity g = group(m.name());
      List<FactKey> produced = members.stream().map(u -> new FactKey(unit(u.id()), PRODUCED, m.name(), p)).toList();
      if (!produced.stream().allMatch(rd::containsKey)) {
        continue;
      }
      Expr ounces = sum(produced.stream().map(k -> plus(ref(k))).toList());
      for (String[] c : COSTS) {
        FactKey perOz = FactKey.of(g, c[1], p);
        List<FactKey> unitPerOz = members.stream().map(u -> FactKey.of(unit(u.id()), c[1], p)).toList();
        if (!rd.containsKey(perOz) || !unitPerOz.stream().allMatch(rd::containsKey)) {
          continue;
        }
        List<Expr.Term> weighted = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
          weighted.add(plus(times(ref(unitPerOz.get(i)), ref(produced.get(i)))));
        }
        out.add(new Relation("chk.group_per_oz_weighted", "combined " + c[2] + " per ounce = the units' per-ounce "
            + c[2] + " weighted by their " + m.displayName().toLowerCase() + " ounces produced", perOz, Unit.USD_PER_OUNCE,
            div(sum(weighted), ounces)));
      }
    }
  }

  static Optional<Reading> reading(PublishedRelease pr, FactKey k) {
    return Optional.ofNullable(pr.readings().get(k));
  }
}
