package org.orebook.facts;

import java.util.Objects;
import org.orebook.quantity.Period;

/**
 * What a figure is about: an entity ({@code unit:la-camorra}, {@code segment:silver},
 * {@code group:AG}, {@code company}, {@code operations}, {@code property:greens-creek}), a concept
 * ({@code total_cash_costs}, {@code produced}), an optional qualifier (a metal code, a reserve
 * category) and a period; and, for a figure a published release prints more than once, which printing
 * (0 the first, 1 the next, ...): each printing is read and tested against the first.
 */
public record FactKey(Entity entity, String concept, String qualifier, Period period, int printing) {
  public FactKey {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(concept, "concept");
    qualifier = qualifier == null ? "" : qualifier;
    Objects.requireNonNull(period, "period");
    if (printing < 0) {
      throw new IllegalArgumentException("a printing is counted from 0: " + printing);
    }
  }

  public FactKey(Entity entity, String concept, String qualifier, Period period) {
    this(entity, concept, qualifier, period, 0);
  }

  /** The same figure as printed again, the {@code n}-th time after the first. */
  public FactKey printedAgain(int n) {
    return new FactKey(entity, concept, qualifier, period, n);
  }

  /** The figure itself: its first printing. */
  public FactKey first() {
    return printing == 0 ? this : new FactKey(entity, concept, qualifier, period, 0);
  }

  public static FactKey of(Entity entity, String concept, Period period) {
    return new FactKey(entity, concept, "", period);
  }

  public FactKey withPeriod(Period p) {
    return new FactKey(entity, concept, qualifier, p, printing);
  }

  @Override
  public String toString() {
    return entity + "/" + concept + (qualifier.isEmpty() ? "" : "[" + qualifier + "]") + "@" + period.code()
        + (printing == 0 ? "" : " (printed again, " + printing + ")");
  }
}
