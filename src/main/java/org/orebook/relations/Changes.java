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
 * Year-on-year changes: the percent change of every company and metal-group figure against the same
 * period a year earlier, where both are known.
 */
final class Changes implements RelationFamily {
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
    changes(c);
  }

  static void changes(Catalogue c) {
    List<FactKey> current = c.relations().stream().map(Relation::result)
        .filter(k -> k.entity().equals(COMPANY) || k.entity().startsWith("group:"))
        .filter(k -> !k.concept().equals(PERCENT_CHANGE)).toList();
    Set<FactKey> known = new java.util.HashSet<>(current);
    c.inputs().all().forEach(f -> known.add(f.key()));
    known.addAll(c.periodSums().keySet());
    for (FactKey k : current) {
      FactKey prior = k.withPeriod(k.period().priorYear());
      if (known.contains(prior)) {
        String q = k.concept() + (k.qualifier().isEmpty() ? "" : ":" + k.qualifier());
        c.add("chg.percent", "(current - prior year) / prior year * 100", c.key(k.entity(), PERCENT_CHANGE, q, k.period()),
            Unit.PERCENT, times(div(sum(List.of(plus(ref(k)), minus(ref(prior)))), ref(prior)), Expr.constant("100")));
      }
    }
  }
}
