package org.orebook.relations;

import static org.orebook.relations.Expr.div;
import static org.orebook.relations.Expr.plus;
import static org.orebook.relations.Expr.ref;
import static org.orebook.relations.Expr.sum;
import static org.orebook.relations.Expr.times;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * The relations between the periods of a fiscal year: a flow over the year to date is the year to
 * date one quarter shorter plus the quarter ({@code 9M = 6M + Q3}, {@code FY = 9M + Q4}, and
 * {@code 6M = Q1 + Q2}); an ore grade over the year to date is the grades weighted by the tons milled.
 * Forward they build six-month, nine-month and year figures from quarters; where a longer period's
 * figure is given as well, it must tie. Backward they test a release that prints quarters and their
 * year to date. Unit figures (per ounce, per ton) are never summed: the catalogue recomputes them
 * from each period's totals.
 *
 * <p>Which figures add up over time is decided by the unit: money, metal and ore quantities and
 * days are flows; per-unit figures, grades, percentages, ratios, share counts and prices are not.
 * Balances (the balance sheet, keyed by their date), the cash flow statement's opening and closing
 * cash, and reserves (stated at a year end) are never summed.
 */
public final class PeriodRelations {
  static final String SUM = "period.to_date";
  static final String GRADE = "period.to_date_grade";

  private final FactSet given;
  private final Set<String> notSummed;
  private final Map<FactKey, Unit> derived = new LinkedHashMap<>();
  private final List<Relation> relations = new ArrayList<>();

  private PeriodRelations(FactSet given, List<StatementLine> lines) {
    this.given = given;
    this.notSummed = new java.util.HashSet<>();
    for (StatementLine l : lines) {
      if (StatementLine.balance(l.statement()) || l.statement().startsWith(StatementLine.BALANCE_SHEET + "_")
          || Concepts.CF_CASH_BEGIN.equals(l.concept()) || Concepts.CF_CASH_END.equals(l.concept())) {
        notSummed.add(l.statement() + "/" + l.id());
      }
    }
  }

  /** True for a figure the period relations sum over quarters (a flow that is not a balance or reserve). */
  public static boolean summed(FactKey k, Unit unit, List<StatementLine> lines) {
    return new PeriodRelations(new FactSet(), lines).flow(k, unit);
  }

  /** The relations over the given figures' periods, and the unit of each figure they add. */
  record Result(List<Relation> relations, Map<FactKey, Unit> derived) {}

  static Result build(FactSet given, List<StatementLine> lines) {
    PeriodRelations r = new PeriodRelations(given, lines);
    r.run();
    return new Result(List.copyOf(r.relations), Map.copyOf(r.derived));
  }

  private boolean known(FactKey k) {
    return given.has(k) || derived.containsKey(k);
  }

  private Optional<Unit> unitOf(FactKey k) {
    return given.find(k).map(Fact::unit).or(() -> Optional.ofNullable(derived.get(k)));
  }

  /** A figure that adds up over time. */
  private boolean flow(FactKey k, Unit unit) {
    Entity e = k.entity();
    if (e.is(Entity.Kind.PROPERTY) || e.is(Entity.Kind.RESERVES) || e.is(Entity.Kind.HISTORY) || e.is(Entity.Kind.MARKET)) {
      return false;
    }
    if (notSummed.contains(e + "/" + k.concept())) {
      return false;
    }
    return switch (unit.dimension()) {
      case MONEY, MASS, MASS_PRECIOUS, TIME -> true;
      default -> false;
    };
  }

  private void run() {
    // each series (entity, concept, qualifier) and its fiscal years
    Map<FactKey, Set<Integer>> series = new HashMap<>();
    Map<FactKey, org.orebook.quantity.FiscalYearEnd> yearEnds = new HashMap<>();
    for (Fact f : given.all()) {
      FactKey k = f.key();
      boolean grade = k.concept().equals(Concepts.GRADE) && k.entity().is(Entity.Kind.UNIT);
      if (!grade && !flow(k, f.unit())) {
        continue;
      }
      FactKey s = k.withPeriod(new Period.Year(0, k.period().yearEnd()));
      series.computeIfAbsent(s, x -> new TreeSet<>()).add(k.period().year());
      yearEnds.put(s, k.period().yearEnd());
    }
    // flows before grades: a grade's weights are the tons milled over the same periods
    List<FactKey> ordered = series.keySet().stream()
        .sorted(java.util.Comparator.comparing((FactKey k) -> k.concept().equals(Concepts.GRADE)).thenComparing(FactKey::toString))
        .toList();
    for (FactKey s : ordered) {
      for (int year : series.get(s)) {
        for (int q = 2; q <= 4; q++) {
          Period whole = Period.toDate(year, q, yearEnds.get(s));
          Period before = whole.toDateBefore().orElseThrow();
          Period quarter = Period.quarter(year, q, yearEnds.get(s));
          FactKey result = s.withPeriod(whole);
          FactKey a = s.withPeriod(before);
          FactKey b = s.withPeriod(quarter);
          if (!known(a) || !known(b)) {
            continue;
          }
          if (s.concept().equals(Concepts.GRADE)) {
            grade(result, a, b);
          } else {
            Unit unit = unitOf(b).orElseThrow();
            if (!unitOf(a).orElseThrow().equals(unit)) {
              continue;
            }
            relations.add(new Relation(SUM, whole.code() + " = " + before.code() + " + " + quarter.code(), result, unit,
                sum(List.of(plus(ref(a)), plus(ref(b))))));
            if (!given.has(result)) {
              derived.put(result, unit);
            }
          }
        }
      }
    }
  }

  /** A grade over the year to date: the two periods' grades weighted by their ore milled. */
  private void grade(FactKey result, FactKey a, FactKey b) {
    FactKey oreA = new FactKey(a.entity(), Concepts.ORE_MILLED, "", a.period());
    FactKey oreB = new FactKey(b.entity(), Concepts.ORE_MILLED, "", b.period());
    FactKey ore = new FactKey(a.entity(), Concepts.ORE_MILLED, "", result.period());
    Optional<Unit> unit = unitOf(b);
    if (!known(oreA) || !known(oreB) || !known(ore) || !unitOf(a).equals(unit)) {
      return;
    }
    relations.add(new Relation(GRADE, "grade over " + result.period().code() + " = (grade x ore milled over "
            + a.period().code() + " + grade x ore milled over " + b.period().code() + ") / ore milled over "
            + result.period().code(), result, unit.get(),
        div(sum(List.of(plus(times(ref(a), ref(oreA))), plus(times(ref(b), ref(oreB))))), ref(ore))));
    if (!given.has(result)) {
      derived.put(result, unit.get());
    }
  }
}
