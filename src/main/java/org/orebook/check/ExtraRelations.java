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
  /** Figures that are the same figure wherever printed: "statement:concept" or "company/concept". */
  static final String[][] SAME_FIGURE = {
      {"net income", "operations:net_income", "company/net_income", "non_gaap:nongaap_net_income", "cash_flows:cf_net_income"},
      {"sales", "operations:sales", "company/sales"},
      {"gross profit", "operations:gross_profit", "company/gross_profit"},
      {"income before environmental accruals", "non_gaap:income_before_env", "company/income_before_env"},
      {"basic income (loss) per common share", "operations:eps_basic", "company/eps_basic"},
      {"cash provided by operating activities", "cash_flows:cf_operating", "company/cf_operating"}};

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
      for (String[] cls : SAME_FIGURE) {
        List<FactKey> keys = new ArrayList<>();
        for (int i = 1; i < cls.length; i++) {
          keys.addAll(resolve(pr, cls[i], p));
        }
        for (int i = 1; i < keys.size(); i++) {
          out.add(new Relation("tie.across_tables", cls[0] + ": the same figure in every table", keys.get(i),
              rd.get(keys.get(i)).unit(), sum(List.of(plus(ref(keys.get(0)))))));
        }
      }
      perOunce(pr, p, out);
    }
    return out;
  }

  /** Keys of a "statement:concept" or "company/concept" reference printed for a period. */
  static List<FactKey> resolve(PublishedRelease pr, String ref, Period p) {
    List<FactKey> out = new ArrayList<>();
    if (ref.startsWith("company/")) {
      FactKey k = FactKey.of(COMPANY, ref.substring(8), p);
      if (pr.readings().containsKey(k)) {
        out.add(k);
      }
      return out;
    }
    String st = ref.substring(0, ref.indexOf(':'));
    String concept = ref.substring(ref.indexOf(':') + 1);
    for (var e : pr.statementConcepts().entrySet()) {
      String s = e.getKey().substring(0, e.getKey().indexOf('/'));
      if ((s.equals(st) || s.startsWith(st + "_")) && e.getValue().equals(concept)) {
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
