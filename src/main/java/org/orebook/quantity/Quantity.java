package org.orebook.quantity;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact value with its unit. This class is immutable and thread-safe. */
public record Quantity(BigDecimal value, Unit unit) {
  public Quantity {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
  }

  public static Quantity of(String value, Unit unit) {
    return new Quantity(new BigDecimal(value), unit);
  }

  public Quantity to(Unit target) {
    return new Quantity(unit.convert(value, target), target);
  }

  public Quantity plus(Quantity other) {
    return new Quantity(value.add(other.unit.convert(other.value, unit)), unit);
  }

  @Override
  public String toString() {
    return value.toPlainString() + " " + unit.code();
  }
}
