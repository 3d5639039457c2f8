package org.orebook.relations;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import org.orebook.facts.FactKey;
import org.orebook.quantity.Interval;
import org.orebook.quantity.Unit;

/**
 * A standard relation instantiated for one entity and period: {@code result = expr}. Forward, it
 * computes the result from its operands; backward, it checks printed figures against each other.
 *
 * @param id the standard's name, e.g. {@code gi.total_cash_costs} (Gold Institute)
 * @param description the relation in words, for reports and the JSON origin
 */
public record Relation(String id, String description, FactKey result, Unit unit, Expr expr) {

  public Optional<BigDecimal> compute(Function<FactKey, Optional<BigDecimal>> values) {
    return expr.eval(values);
  }

  /**
   * Checks the relation on intervals: empty when a figure is unknown, true when some values inside
   * the operands' intervals satisfy it.
   */
  public Optional<Boolean> holds(Function<FactKey, Optional<Interval>> values) {
    Optional<Interval> lhs = values.apply(result);
    if (lhs.isEmpty()) {
      return Optional.empty();
    }
    return expr.evalInterval(values).map(rhs -> rhs.overlaps(lhs.get()));
  }

  @Override
  public String toString() {
    return id + ": " + result + " = " + expr.text();
  }
}
