package org.orebook.relations;

import static org.orebook.relations.Concepts.*;
import static org.orebook.relations.Expr.div;
import static org.orebook.relations.Expr.minus;
import static org.orebook.relations.Expr.opt;
import static org.orebook.relations.Expr.plus;
import static org.orebook.relations.Expr.ref;
import static org.orebook.relations.Expr.sum;
import static org.orebook.relations.Expr.times;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.model.ReserveCategory;
import org.orebook.model.Segment;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * Year-on-year changes: the percent change of every company, metal-group and non-GAAP figure, and of
 * each unit's production, against the same period a year earlier, where both are known. The one
 * formula of a change: the narrative quotes these figures, the prose checker tests a claimed change
 * with {@link #percentChange} on printed intervals, the web shows them.
 */
public final class Changes implements RelationFamily {
  @Override
  public String standard() {
    return "year-on-year changes";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    // spans periods: see afterPeriods
  }

  @Override
  public void afterPeriods(Catalogue c) {
    java.util.Set<FactKey> current = new java.util.LinkedHashSet<>();
    c.relations().stream().filter(r -> !r.tie()).map(Relation::result)
        .filter(k -> k.entity().equals(COMPANY) || k.entity().is(Entity.Kind.GROUP) || k.entity().equals(Entity.statement(StatementLine.NON_GAAP)))
        .filter(k -> !k.concept().equals(PERCENT_CHANGE)).forEach(current::add);
    Set<FactKey> known = new java.util.HashSet<>(current);
    c.inputs().all().forEach(f -> known.add(f.key()));
    known.addAll(c.periodSums().keySet());
    known.stream().filter(k -> k.entity().is(Entity.Kind.UNIT) && k.concept().equals(PRODUCED)).sorted(
        java.util.Comparator.comparing(FactKey::toString)).forEach(current::add);
    for (FactKey k : current) {
      FactKey prior = k.withPeriod(k.period().priorYear());
      if (known.contains(prior) && !c.knownOrComputed(percentKey(k))) {
        Relation r = percentChange(k, prior);
        c.add(r.id(), r.description(), r.result(), r.unit(), r.expr());
      }
    }
  }

  /** The key of a figure's change against a year earlier. */
  public static FactKey percentKey(FactKey current) {
    String q = current.concept() + (current.qualifier().isEmpty() ? "" : ":" + current.qualifier());
    return new FactKey(current.entity(), PERCENT_CHANGE, q, current.period());
  }

  /** The change of {@code current} against {@code prior} in percent: (current - prior) / prior x 100. */
  public static Relation percentChange(FactKey current, FactKey prior) {
    return new Relation("chg.percent", "(current - prior year) / prior year * 100", percentKey(current), Unit.PERCENT,
        times(div(sum(List.of(plus(ref(current)), minus(ref(prior)))), ref(prior)), Expr.constant("100")));
  }
}
