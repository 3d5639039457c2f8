package org.orebook.facts;

import java.util.Objects;
import org.orebook.quantity.Period;

/**
 * What a figure is about: an entity ({@code unit:la-camorra}, {@code segment:silver},
 * {@code group:AG}, {@code company}, {@code operations}, {@code property:greens-creek}), a concept
 * ({@code total_cash_costs}, {@code produced}), an optional qualifier (a metal code, a reserve
 * category) and a period.
 */
public record FactKey(Entity entity, String concept, String qualifier, Period period) {
  public FactKey {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(concept, "concept");
    qualifier = qualifier == null ? "" : qualifier;
    Objects.requireNonNull(period, "period");
  }

  public static FactKey of(Entity entity, String concept, Period period) {
    return new FactKey(entity, concept, "", period);
  }

  public FactKey withPeriod(Period p) {
    return new FactKey(entity, concept, qualifier, p);
  }

  @Override
  public String toString() {
    return entity + "/" + concept + (qualifier.isEmpty() ? "" : "[" + qualifier + "]") + "@" + period.code();
  }
}
