package org.orebook.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * A hedged position: metal sold forward (or bought) at an average price, as of a date, delivered
 * over the calendar years {@code deliveryFrom..deliveryTo} (both 0 when the file does not say).
 *
 * @param qualifier the qualifier of the position's input figures ({@code 1:AU:sold_forward})
 */
public record Hedge(Metal metal, String position, BigDecimal quantity, Unit unit, BigDecimal price, Unit priceUnit,
    LocalDate asOf, int deliveryFrom, int deliveryTo, String qualifier) {

  /** The period the position's figures are keyed on: the year of its as-of date. */
  public Period period() {
    return new Period.Year(asOf.getYear());
  }

  public FactKey quantityKey() {
    return new FactKey(Entity.HEDGES, "quantity", qualifier, period());
  }

  public FactKey priceKey() {
    return new FactKey(Entity.HEDGES, "price", qualifier, period());
  }
}
