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
 * <p>A {@link Role#TIE tie} states that two figures computed (or given) elsewhere are equal: total
 * assets and total liabilities and equity, the cash flow statement's closing cash and the balance
 * sheet's cash. The engine does not compute a figure from a tie; it evaluates both sides afterwards
 * and refuses inputs that break it. The checker tests ties like any other relation.
 *
 * @param id the standard's name, e.g. {@code gi.total_cash_costs} (Gold Institute)
 * @param description the relation in words, for reports and the JSON origin
 */
public record Relation(String id, String description, FactKey result, Unit unit, Expr expr, Role role) {

  /** Whether a relation computes its result or ties two figures computed elsewhere. */
  public enum Role { COMPUTE, TIE }

  /** A relation that computes its result. */
  public Relation(String id, String description, FactKey result, Unit unit, Expr expr) {
    this(id, description, result, unit, expr, Role.COMPUTE);
  }

  /** The same relation as a tie: checked, never used to compute its result. */
  public Relation asTie() {
    return new Relation(id, description, result, unit, expr, Role.TIE);
  }

  public boolean tie() {
    return role == Role.TIE;
  }

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
